/**
 * Attacks on what a federated-learning participant shares. An {@link org.leakbench.attack.Attack} gets an
 * {@link org.leakbench.update.Observation} (only what its threat model allows) and returns an
 * {@link org.leakbench.attack.AttackResult}; the oracle and random attacks bracket every metric.
 * Subpackages: {@code inversion} (optimisation), {@code analytic} (closed form), {@code membership},
 * {@code property}.
 */
package org.leakbench.attack;
