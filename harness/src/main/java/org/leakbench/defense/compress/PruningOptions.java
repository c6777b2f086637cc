package org.leakbench.defense.compress;

/**
 * Options of gradient pruning.
 *
 * @param fraction fraction of each parameter tensor's entries set to zero, in [0, 1)
 */
public record PruningOptions(double fraction) {
    public PruningOptions {
        if (!(fraction >= 0) || fraction >= 1) {
            throw new IllegalArgumentException("pruning.fraction must be in [0, 1), got " + fraction);
        }
    }
}
