/**
 * The federated simulation: clients that compute FedSGD gradients or FedAvg weight differences on their rows
 * with the local training they are given (plain SGD here, DP-SGD from {@code defense.dp}), client sampling,
 * aggregation (plain mean, with a hook for secure aggregation), the server step, and the threat models
 * that turn one round into what an attacker observes ({@link org.leakbench.update.ObservedRound}).
 */
package org.leakbench.fl;
