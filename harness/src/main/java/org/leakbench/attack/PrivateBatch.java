package org.leakbench.attack;

/**
 * The victim's private batch. Attacks never see it; only the oracle baseline (the ceiling of every metric)
 * is built from it, which is why a factory receives it at all.
 *
 * @param images the private samples, flattened
 * @param labels their labels
 */
public record PrivateBatch(float[][] images, int[] labels) {}
