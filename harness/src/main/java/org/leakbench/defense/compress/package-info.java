/**
 * Compression defenses: top-k and random-k sparsification (optionally with per-client error feedback),
 * the DLG paper's gradient pruning, stochastic uniform quantisation and sign compression. Each is an
 * {@link org.leakbench.defense.UpdateDefense} that reports the bytes its encoding would send.
 */
package org.leakbench.defense.compress;
