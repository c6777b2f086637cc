/**
 * The federated simulation: the {@link org.leakbench.fl.Update} every defense and attack passes around,
 * clients that compute FedSGD gradients or FedAvg weight differences on their rows, client sampling,
 * aggregation (plain mean, with a hook for secure aggregation), the server step, and the threat models
 * that turn one round into what an attacker observes ({@link org.leakbench.fl.ObservedRound}).
 */
package org.leakbench.fl;
