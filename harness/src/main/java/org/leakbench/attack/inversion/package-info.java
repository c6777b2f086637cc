/**
 * Optimisation-based gradient inversion: DLG (Zhu et al. 2019) with L-BFGS, iDLG label recovery (Zhao
 * et al. 2020) and a batch label-count estimate, Inverting Gradients (Geiping et al. 2020) with cosine
 * distance, total variation and signed Adam, GradInversion's batch-norm prior and group consistency (Yin et al.
 * 2021), LLG batch label recovery (Wainakh et al. 2022) and FedAvg-aware inversion of multi-step updates
 * (Dimitrov et al. 2022). The gradient attacks share one gradient-matching objective.
 */
package org.leakbench.attack.inversion;
