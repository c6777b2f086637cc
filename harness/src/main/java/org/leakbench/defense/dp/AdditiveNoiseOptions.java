package org.leakbench.defense.dp;

/**
 * Options of the additive-noise defense of the DLG paper.
 *
 * @param kind     GAUSSIAN or LAPLACE
 * @param variance the per-coordinate noise variance, ≥ 0 (DLG tries 1e-4 to 1e-1)
 */
public record AdditiveNoiseOptions(Kind kind, double variance) {
    /** The noise distribution. */
    public enum Kind {
        GAUSSIAN,
        LAPLACE
    }

    public AdditiveNoiseOptions {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be GAUSSIAN or LAPLACE, got null");
        }
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
        }
    }
}
