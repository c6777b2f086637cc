package org.leakbench.component;

/**
 * An interval of allowed numeric values, each end open or closed; infinite ends are unbounded.
 *
 * @param low lowest value ({@link Double#NEGATIVE_INFINITY} for none)
 * @param lowInclusive whether {@code low} itself is allowed
 * @param high highest value ({@link Double#POSITIVE_INFINITY} for none)
 * @param highInclusive whether {@code high} itself is allowed
 */
public record Range(double low, boolean lowInclusive, double high, boolean highInclusive) {
    /** Every value. */
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    public Range {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("range: low " + low + " must not exceed high " + high);
        }
    }

    /** {@code [low, inf)}. */
    public static Range atLeast(double low) {
        return new Range(low, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code (low, inf)}. */
    public static Range above(double low) {
        return new Range(low, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code [low, high]}. */
    public static Range closed(double low, double high) {
        return new Range(low, true, high, true);
    }

    /** Whether {@code v} lies in the interval (NaN never does). */
    public boolean contains(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        boolean aboveLow = lowInclusive ? v >= low : v > low;
        boolean belowHigh = highInclusive ? v <= high : v < high;
        return aboveLow && belowHigh;
    }

    @Override
    public String toString() {
        return (lowInclusive ? "[" : "(") + end(low) + ", " + end(high) + (highInclusive ? "]" : ")");
    }

    private static String end(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return ValueText.format(v);
    }
}
