package org.leakbench.defense.dp;

/**
 * The distribution of the unclipped norms a clipping mechanism saw during a training (per example for DP-SGD, per
 * client update for DP-FedAvg), so that a row can say how its clipping norm compares with them. Norms fall into
 * logarithmic bins of 1/{@value #BINS_PER_DECADE} decade between 1e-9 and 1e9 (a relative width of about 1.2 %,
 * everything outside in the end bins, zero in its own), so memory stays fixed however long the training and the
 * quantiles do not depend on the order in which parallel clients report. Thread-safe.
 */
public final class NormHistogram {
    static final int BINS_PER_DECADE = 200;
    private static final int LOW_DECADE = -9;
    private static final int DECADES = 18;

    private final long[] counts = new long[DECADES * BINS_PER_DECADE + 1]; // bin 0 holds zero norms
    private long total;

    /** Adds one norm (finite and ≥ 0). */
    public synchronized void add(double norm) {
        if (!(norm >= 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("norm must be finite and >= 0, got " + norm);
        }
        counts[bin(norm)]++;
        total++;
    }

    /** Adds every norm of {@code norms}. */
    public synchronized void addAll(double[] norms) {
        for (double n : norms) {
            add(n);
        }
    }

    public synchronized long count() {
        return total;
    }

    /**
     * The {@code p}-quantile (lower, the smallest recorded norm with at least a share p at or below it), as the
     * geometric centre of its bin; NaN when nothing was recorded.
     */
    public synchronized double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + p);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return centre(b);
            }
        }
        return centre(counts.length - 1);
    }

    private static int bin(double norm) {
        if (norm == 0) {
            return 0;
        }
        double position = (Math.log10(norm) - LOW_DECADE) * BINS_PER_DECADE;
        return 1 + (int) Math.min(DECADES * BINS_PER_DECADE - 1, Math.max(0, Math.floor(position)));
    }

    private static double centre(int bin) {
        return bin == 0 ? 0 : Math.pow(10, LOW_DECADE + (bin - 0.5) / BINS_PER_DECADE);
    }
}
