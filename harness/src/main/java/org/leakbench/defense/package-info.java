/**
 * Defenses a client applies to its update before sending it: the {@link org.leakbench.defense.UpdateDefense}
 * interface, its cost, {@link org.leakbench.defense.DefenseChain} to apply several in order, and
 * {@link org.leakbench.defense.ModelExtension} for a defense that changes the victim's architecture.
 * Implementations live in sub-packages: {@code compress} (sparsification, pruning, quantisation, sign),
 * {@code dp} (clipping and noise) and {@code secagg} (secure aggregation).
 */
package org.leakbench.defense;
