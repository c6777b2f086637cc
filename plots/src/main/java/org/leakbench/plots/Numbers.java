package org.leakbench.plots;

import java.util.List;
import java.util.Locale;

/** Small numeric helpers: lenient parsing, mean and standard deviation, compact formatting. */
final class Numbers {
    private Numbers() {}

    static double parseOrNaN(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n − 1); 0 for a single value. */
    static double std(List<Double> xs) {
        if (xs.size() < 2) {
            return 0.0;
        }
        double m = mean(xs);
        double ss = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
        return Math.sqrt(ss / (xs.size() - 1));
    }

    /** Three significant digits, switching to scientific notation for very large or small values. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e5 && a < 1e10) {
            // Byte counts and parameter counts read better as whole numbers than as 2.20e+05.
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1e10 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Up to three significant digits without trailing zeros, for labels: 0.01, 0.5, 8, 1e-05. */
    static String compact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return format(v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e7)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Formats {@code v} with as many decimals as {@link #format} gives {@code reference}. */
    static String formatLike(double v, double reference) {
        double a = Math.abs(reference);
        if (Double.isNaN(v)) {
            return "–";
        }
        if (a >= 1e5 && a < 1e10) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a == 0 || a >= 1e10 || a < 1e-3) {
            return format(v);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
