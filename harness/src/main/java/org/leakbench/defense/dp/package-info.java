/**
 * Differential privacy for federated updates: L2 clipping, the Gaussian mechanism of DP-SGD (Abadi et al. 2016),
 * client-level and local DP for FedAvg (McMahan et al. 2018), the additive-noise defense of the DLG paper
 * (Zhu et al. 2019), the Rényi-DP accountant of the Poisson-subsampled Gaussian mechanism (Mironov 2017;
 * Mironov, Talwar, Zhang 2019) with its conversion to (ε, δ), a noise-multiplier search, and noise samplers:
 * a fast floating-point Gaussian for experiments and an exact discrete Gaussian (Canonne, Kamath, Steinke 2020)
 * over a cryptographic random source for deployments where floating-point attacks matter.
 *
 * <p>Everything works on plain arrays: {@code float[]} updates and {@code float[][]} per-example gradients.
 */
package org.leakbench.defense.dp;
