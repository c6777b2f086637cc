/**
 * Optimisers on flat vectors, reusable by any attack: L-BFGS with a strong-Wolfe line search (what DLG
 * uses) and Adam with signed gradients, step decay and a box constraint (what Inverting Gradients uses).
 * They report divergence as a status instead of throwing.
 */
package org.leakbench.optim;
