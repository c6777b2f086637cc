/**
 * Distributed differential privacy under secure aggregation: each client clips, rotates, scales and rounds its
 * update to integers and adds its share of discrete Gaussian noise, the clients' vectors are summed modulo 2^b by
 * secure aggregation, and the server decodes the sum (Kairouz, Liu, Steinke, "The Distributed Discrete Gaussian
 * Mechanism for Federated Learning with Secure Aggregation", ICML 2021). No party but the client ever sees an
 * update without the other clients' noise in it; the accountant ({@link org.leakbench.defense.ddp.DdgAccountant})
 * charges for the rounding and for the sum of discrete Gaussians not being one.
 */
package org.leakbench.defense.ddp;
