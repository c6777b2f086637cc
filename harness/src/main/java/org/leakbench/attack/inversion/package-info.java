/**
 * Optimisation-based gradient inversion: DLG (Zhu et al. 2019) with L-BFGS, iDLG label recovery (Zhao
 * et al. 2020) and a batch label-count estimate, and Inverting Gradients (Geiping et al. 2020) with cosine
 * distance, total variation and signed Adam. All share one gradient-matching objective.
 */
package org.leakbench.attack.inversion;
