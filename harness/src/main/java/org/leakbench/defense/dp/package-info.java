/**
 * Differential privacy for federated updates: L2 clipping, the Gaussian mechanism of DP-SGD (Abadi et al. 2016),
 * Poisson-sampled by default ({@link org.leakbench.defense.dp.DpSgdSchedule}), central client-level DP-FedAvg
 * (McMahan et al. 2018) and local DP, each with its own accounting, the additive-noise defense of the DLG paper
 * (Zhu et al. 2019), the Rényi-DP accountant of the Poisson-subsampled Gaussian mechanism (Mironov 2017;
 * Mironov, Talwar, Zhang 2019) with its conversion to (ε, δ), three more behind one
 * {@link org.leakbench.defense.dp.Accountant} interface (PRV, Gopi, Lee, Wutschitz 2021; PLD as in dp_accounting;
 * GDP by the central limit theorem, Bu et al. 2020), a noise-multiplier search for any of them, and the noise sources
 * every mechanism takes ({@link org.leakbench.defense.dp.NoiseSource}): a fast floating-point Gaussian for
 * experiments, an exact discrete Gaussian (Canonne, Kamath, Steinke 2020) over a cryptographic random source
 * where floating-point attacks matter, and Laplace.
 *
 * <p>Everything works on plain arrays: {@code float[]} updates and {@code float[][]} per-example gradients.
 */
package org.leakbench.defense.dp;
