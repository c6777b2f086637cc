/**
 * Defenses that act where the client computes its update from its batch, inside local training: Soteria's
 * pruning of the representation layer's gradient, a fixed augmentation policy (ATS), MixUp, InstaHide and
 * PRECODE's sampled bottleneck (its layers are a model option, see {@link org.leakbench.defense.ModelExtension}).
 * Each says what an attacker who knows it can undo ({@link org.leakbench.defense.client.DefenseKnowledge}), so the
 * adaptive attack of the literature can be run next to the naive one.
 */
package org.leakbench.defense.client;
