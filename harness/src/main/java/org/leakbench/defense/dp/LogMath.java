package org.leakbench.defense.dp;

/**
 * Log-space arithmetic and the complementary error function, which the JDK lacks. Accurate to a few ulps in
 * the ranges the accountant uses; {@link #logErfc(double)} does not underflow for large arguments.
 */
final class LogMath {
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);
    /** Below this the series for erf is used, above it the continued fraction for erfc. */
    private static final double SERIES_LIMIT = 2.0;

    private LogMath() {}

    /** log(exp(a) + exp(b)) without overflow. */
    static double logAdd(double a, double b) {
        double hi = Math.max(a, b);
        double lo = Math.min(a, b);
        if (lo == Double.NEGATIVE_INFINITY) {
            return hi;
        }
        return hi + Math.log1p(Math.exp(lo - hi));
    }

    /** log(exp(a) − exp(b)) for a ≥ b; a tiny negative difference from rounding gives −∞. */
    static double logSub(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (b >= a) {
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log1p(-Math.exp(b - a));
    }

    /** erf(x) for |x| below {@link #SERIES_LIMIT}, from the all-positive series e^{−x²} Σ (2x²)^n x / (2n+1)!!. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 500; n++) {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    /**
     * The continued fraction K(x) with erfc(x) = e^{−x²} / (√π K(x)) for x > 0:
     * K = x + (1/2)/(x + 1/(x + (3/2)/(x + ...))), evaluated with the modified Lentz method.
     */
    private static double erfcFraction(double x) {
        final double tiny = 1e-300;
        double f = x;
        double c = f;
        double d = 0.0;
        for (int n = 1; n < 10_000; n++) {
            double a = 0.5 * n;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return f;
    }

    /** The complementary error function erfc(x) = 1 − erf(x). */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return 2.0 - erfc(-x);
        }
        if (x < SERIES_LIMIT) {
            return 1.0 - erfSeries(x);
        }
        return Math.exp(-x * x - LOG_SQRT_PI) / erfcFraction(x);
    }

    /** log(erfc(x)), finite for every finite x. */
    static double logErfc(double x) {
        if (x < SERIES_LIMIT) {
            return Math.log(erfc(x));
        }
        return -x * x - LOG_SQRT_PI - Math.log(erfcFraction(x));
    }
}
