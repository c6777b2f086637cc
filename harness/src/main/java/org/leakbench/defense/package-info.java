/**
 * Defenses a client applies to its update before sending it: the {@link org.leakbench.defense.UpdateDefense}
 * interface, its cost, and {@link org.leakbench.defense.DefenseChain} to apply several in order.
 * Implementations live in sub-packages: {@code compress} (sparsification, pruning, quantisation, sign),
 * {@code dp} (clipping and noise) and {@code secagg} (secure aggregation).
 */
package org.leakbench.defense;
