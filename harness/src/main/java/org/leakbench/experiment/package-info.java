/**
 * Experiments that combine federated training with attacks or with privacy accounting, above both
 * {@code fl} and {@code attack}: the curious participant that inverts the other clients' aggregate
 * ({@link org.leakbench.experiment.CuriousClientExperiment}) and its curve over the number of clients, FedAvg's
 * utility, and DP-SGD's accuracy versus ε. The {@code leakbench demo} commands run them; the sweep pipeline
 * runs the curious client as one of its point kinds.
 */
package org.leakbench.experiment;
