package org.leakbench.component;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one canonical text form of parameter values (CSV cells, point ids, messages) and the "did you mean"
 * guess for misspelt names; the sweep layer's {@code Values} delegates here.
 */
public final class ValueText {
    private ValueText() {}

    /**
     * Formats a value: integers in decimal, doubles in plain notation without trailing zeros when moderate
     * (0.0001, 2.5, 300) and in Java's scientific notation otherwise, lists as {@code [a;b]}, null as empty.
     */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return formatDouble(((Number) value).doubleValue());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ValueText::format).collect(Collectors.joining(";", "[", "]"));
        }
        return value.toString();
    }

    private static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e15) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return Double.toString(d);
    }

    /** Edit distance counting insertions, deletions, substitutions and adjacent swaps, for "did you mean". */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The candidate closest to {@code word}, or null when none is close enough to be a plausible typo. */
    public static String closest(String word, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return bestDistance <= allowed ? best : null;
    }
}
