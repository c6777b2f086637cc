package org.leakbench.results;

/** JMH's score units ("us/op", "ops/s", ...) turned into milliseconds per operation, for tables and CSVs alike. */
public final class JmhUnits {
    private JmhUnits() {}

    /** A score in "time/op" or "ops/time" units as milliseconds per operation; NaN for other units. */
    public static double millisPerOp(double score, String unit) {
        String[] parts = unit.split("/", -1);
        if (parts.length != 2) {
            return Double.NaN;
        }
        if (parts[1].equals("op")) {
            return score * unitMillis(parts[0]);
        }
        return parts[0].equals("ops") ? unitMillis(parts[1]) / score : Double.NaN;
    }

    private static double unitMillis(String u) {
        return switch (u) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1.0;
            case "s" -> 1e3;
            case "min" -> 6e4;
            default -> Double.NaN;
        };
    }
}
