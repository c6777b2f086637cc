package org.leakbench.defense.compress;

/**
 * Options of top-k and random-k sparsification.
 *
 * @param fraction      fraction of entries kept, in (0, 1]; k = ⌈fraction·n⌉ (at least 1)
 * @param errorFeedback keep what was dropped per client and add it to the next update
 */
public record SparsificationOptions(double fraction, boolean errorFeedback) {
    public SparsificationOptions {
        if (!(fraction > 0) || fraction > 1) {
            throw new IllegalArgumentException("sparsification.fraction must be in (0, 1], got " + fraction);
        }
    }
}
