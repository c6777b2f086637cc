package org.leakbench.sweep;

import java.util.Objects;

/**
 * A limit on one metric: {@code psnr <= 20} (a maximum) or {@code accuracy >= 0.8} (a minimum), or a limit that
 * is another metric of the same row, optionally times a factor: {@code epsilon_audit <= epsilon} checks that a
 * privacy audit's lower bound stays within the accountant's ε, the check a training pipeline runs on its DP code.
 *
 * @param metric    metric column name
 * @param isMax     whether the limit is a maximum (else a minimum)
 * @param limit     the bound, inclusive; with a {@code reference}, the factor the referenced value is multiplied by
 * @param reference the metric column whose value in the same row is the bound, or null for a fixed bound
 */
public record Budget(String metric, boolean isMax, double limit, String reference) {
    public Budget {
        Objects.requireNonNull(metric, "metric");
        if (Double.isNaN(limit)) {
            throw new IllegalArgumentException("budget for " + metric + ": limit must be a number");
        }
        if (reference != null && (reference.isBlank() || !(limit > 0) || Double.isInfinite(limit))) {
            throw new IllegalArgumentException(
                    "budget for " + metric + ": a bound relative to '" + reference + "' needs a finite factor > 0");
        }
    }

    /** A fixed bound. */
    public Budget(String metric, boolean isMax, double limit) {
        this(metric, isMax, limit, null);
    }

    /**
     * Parses "metric=value" as a maximum ({@code isMax}) or minimum; the value may also be another metric's name
     * ("epsilon_audit=epsilon") or a factor times it ("epsilon_audit=0.5*epsilon").
     */
    public static Budget parse(String text, boolean isMax) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("budget '" + text + "' must look like metric=value, e.g. psnr=20, "
                    + "or metric=other_metric, e.g. epsilon_audit=epsilon");
        }
        String metric = text.substring(0, eq).trim();
        String value = text.substring(eq + 1).trim();
        try {
            return new Budget(metric, isMax, Double.parseDouble(value));
        } catch (NumberFormatException e) {
            // not a number: a metric name, or factor*metric
        }
        int star = value.indexOf('*');
        String column = (star < 0 ? value : value.substring(star + 1)).trim();
        if (!column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "budget '" + text + "': '" + value + "' is neither a number nor a metric (or factor*metric)");
        }
        if (star < 0) {
            return new Budget(metric, isMax, 1.0, column);
        }
        String factor = value.substring(0, star).trim();
        try {
            return new Budget(metric, isMax, Double.parseDouble(factor), column);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("budget '" + text + "': factor '" + factor + "' is not a number");
        }
    }

    /** Whether {@code value} respects the limit {@code bound} (NaN never does). */
    public boolean allows(double value, double bound) {
        return isMax ? value <= bound : value >= bound;
    }

    /** Whether {@code value} respects a fixed limit (NaN never does). */
    public boolean allows(double value) {
        return allows(value, limit);
    }

    /** The bound in a row whose referenced metric is {@code referenced} (ignored for a fixed bound). */
    public double boundFor(double referenced) {
        return reference == null ? limit : limit * referenced;
    }

    @Override
    public String toString() {
        String bound = reference == null
                ? Values.format(limit)
                : (limit == 1.0 ? "" : Values.format(limit) + " * ") + reference;
        return metric + (isMax ? " <= " : " >= ") + bound;
    }
}
