package org.leakbench.sweep;

import java.util.Objects;

/**
 * A limit on one metric: {@code psnr <= 20} (a maximum) or {@code accuracy >= 0.8} (a minimum).
 *
 * @param metric metric column name
 * @param isMax whether the limit is a maximum (else a minimum)
 * @param limit the bound, inclusive
 */
public record Budget(String metric, boolean isMax, double limit) {
    public Budget {
        Objects.requireNonNull(metric, "metric");
        if (Double.isNaN(limit)) {
            throw new IllegalArgumentException("budget for " + metric + ": limit must be a number");
        }
    }

    /** Parses "metric=value" as a maximum ({@code isMax}) or minimum. */
    public static Budget parse(String text, boolean isMax) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("budget '" + text + "' must look like metric=value, e.g. psnr=20");
        }
        String metric = text.substring(0, eq).trim();
        String value = text.substring(eq + 1).trim();
        try {
            return new Budget(metric, isMax, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("budget '" + text + "': '" + value + "' is not a number");
        }
    }

    /** Whether {@code value} respects the limit (NaN never does). */
    public boolean allows(double value) {
        return isMax ? value <= limit : value >= limit;
    }

    @Override
    public String toString() {
        return metric + (isMax ? " <= " : " >= ") + Values.format(limit);
    }
}
