package org.leakbench.defense.compress;

/**
 * Options of gradient pruning.
 *
 * @param fraction fraction of the update's entries set to zero, in [0, 1)
 * @param scope    whether the smallest entries are chosen over the whole update or within each tensor
 */
public record PruningOptions(double fraction, Scope scope) {
    /** Where the magnitude ranking is taken. */
    public enum Scope {
        /** One ranking over every entry of the update (one global threshold). */
        GLOBAL,
        /** A separate ranking inside each parameter tensor (the same fraction of every tensor). */
        PER_TENSOR
    }

    public PruningOptions {
        if (!(fraction >= 0) || fraction >= 1) {
            throw new IllegalArgumentException("pruning.fraction must be in [0, 1), got " + fraction);
        }
        if (scope == null) {
            throw new IllegalArgumentException("pruning.scope must be GLOBAL or PER_TENSOR, got null");
        }
    }

    /** Pruning with one global threshold, the reading that reproduces the DLG paper's curve. */
    public PruningOptions(double fraction) {
        this(fraction, Scope.GLOBAL);
    }
}
