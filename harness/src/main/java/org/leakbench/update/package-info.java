/**
 * The values every layer passes: the {@link org.leakbench.update.Update} a client sends, the
 * {@link org.leakbench.update.ClientData} it trains on and the {@link org.leakbench.update.LocalResult} it
 * computes, the {@link org.leakbench.update.LocalTraining} strategy that computes it, and what an attacker
 * receives ({@link org.leakbench.update.ObservedRound} from a threat model, the
 * {@link org.leakbench.update.Observation} an attack inverts). It sits below {@code defense} and {@code fl} so
 * that defenses transform updates and clients produce them without either knowing the other.
 */
package org.leakbench.update;
