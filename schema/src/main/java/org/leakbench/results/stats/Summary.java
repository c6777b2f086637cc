package org.leakbench.results.stats;

import java.util.Arrays;

/**
 * Summary statistics of a sample (e.g. one metric over seeds), ignoring NaN values.
 *
 * @param n      number of non-NaN values
 * @param mean   arithmetic mean (NaN when n = 0)
 * @param sd     sample standard deviation with n − 1 in the denominator (NaN when n &lt; 2)
 * @param ci95   half-width of the two-sided 95% confidence interval of the mean, t(0.975, n − 1)·sd/√n
 *               (NaN when n &lt; 2)
 * @param median median (mean of the two middle values for even n; NaN when n = 0)
 * @param min    smallest value (NaN when n = 0)
 * @param max    largest value (NaN when n = 0)
 */
public record Summary(int n, double mean, double sd, double ci95, double median, double min, double max) {

    // Student t 0.975 quantiles for 1..30 degrees of freedom (checked against scipy.stats.t.ppf).
    private static final double[] T975 = {
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423
    };
    private static final int[] T_DF_LARGE = {30, 40, 60, 120};
    private static final double[] T975_LARGE = {2.0423, 2.0211, 2.0003, 1.9799};
    private static final double Z975 = 1.959964;

    /** Summarises the non-NaN values of {@code values}. */
    public static Summary of(double[] values) {
        double[] v = withoutNaN(values);
        int n = v.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(v);
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        double sd = Double.NaN;
        double ci = Double.NaN;
        if (n >= 2) {
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            sd = Math.sqrt(ss / (n - 1));
            ci = tCritical95(n - 1) * sd / Math.sqrt(n);
        }
        double median = n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
        return new Summary(n, mean, sd, ci, median, v[0], v[n - 1]);
    }

    /** NaN-aware mean. */
    public static double mean(double[] values) {
        return of(values).mean;
    }

    /** NaN-aware sample standard deviation. */
    public static double standardDeviation(double[] values) {
        return of(values).sd;
    }

    /** NaN-aware 95% confidence-interval half-width of the mean. */
    public static double ci95HalfWidth(double[] values) {
        return of(values).ci95;
    }

    /** NaN-aware median. */
    public static double median(double[] values) {
        return of(values).median;
    }

    /**
     * Two-sided 95% critical value of Student's t with {@code df} degrees of freedom: exact table values up to
     * 30, linear interpolation in 1/df between 30, 40, 60, 120 and infinity (the normal 1.96) beyond.
     */
    public static double tCritical95(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (df <= 30) {
            return T975[df - 1];
        }
        for (int k = 1; k < T_DF_LARGE.length; k++) {
            if (df <= T_DF_LARGE[k]) {
                return interpolate(df, T_DF_LARGE[k - 1], T975_LARGE[k - 1], T_DF_LARGE[k], T975_LARGE[k]);
            }
        }
        // Between 120 and infinity: 1/df goes from 1/120 to 0.
        double f = (1.0 / df) / (1.0 / 120);
        return Z975 + f * (T975_LARGE[T975_LARGE.length - 1] - Z975);
    }

    private static double interpolate(int df, int df0, double t0, int df1, double t1) {
        double f = (1.0 / df0 - 1.0 / df) / (1.0 / df0 - 1.0 / df1);
        return t0 + f * (t1 - t0);
    }

    private static double[] withoutNaN(double[] values) {
        if (values == null) {
            throw new IllegalArgumentException("summary: values must not be null");
        }
        return Arrays.stream(values).filter(x -> !Double.isNaN(x)).toArray();
    }
}
