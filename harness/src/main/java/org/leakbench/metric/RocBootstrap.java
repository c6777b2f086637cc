package org.leakbench.metric;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bootstrap confidence intervals of a membership attack's ROC: the candidates (the target's examples) are
 * resampled with replacement, members and non-members separately so that every resample has both, the ROC is
 * recomputed on each resample, and the percentile interval of each quantity is reported (Efron and Tibshirani,
 * "An Introduction to the Bootstrap", 1993, ch. 13). The quantities are the AUC, the TPR at 1% and 0.1% FPR
 * (Carlini et al., IEEE S&amp;P 2022) and the TPR on a log-spaced FPR grid, which gives the band drawn around the
 * curve on log–log axes. The resampling seed is fixed, so the same scores always give the same intervals.
 *
 * <p>With few non-members the low-FPR intervals are wide by nature: at FPR 0.1% a resample of 100 non-members
 * admits no false positive at all, so the interval says how little the point estimate can be trusted there.
 */
public final class RocBootstrap {
    /** Resamples of the default intervals. */
    public static final int RESAMPLES = 200;
    /** Coverage of the default intervals. */
    public static final double LEVEL = 0.95;
    /** Seed of the default resampling. */
    public static final long SEED = 20_220_522L;
    /** FPR grid of the band: log-spaced from 10^-4 to 1, 5 points per decade, cut at 1/non-members. */
    public static final double[] GRID = grid(1e-4, 5);

    /** An interval [low, high]. */
    public record Interval(double low, double high) {}

    /**
     * The ROC band on the points of {@link #GRID} from 1/non-members on (below it no threshold separates
     * anything a smaller FPR could show): the curve's own TPR and the interval's ends at each grid FPR.
     *
     * @param fpr  the grid
     * @param tpr  the TPR of the curve (largest TPR at FPR ≤ grid value)
     * @param low  lower end of the interval
     * @param high upper end of the interval
     */
    public record Band(double[] fpr, double[] tpr, double[] low, double[] high) {}

    /** The intervals of one ROC. */
    public record Result(
            Interval auc, Interval tprAt1Pct, Interval tprAt01Pct, Band band, int resamples, double level) {}

    private RocBootstrap() {}

    /** Intervals with {@link #RESAMPLES} resamples at level {@link #LEVEL}, seed {@link #SEED}. */
    public static Result of(double[] scores, boolean[] member) {
        return of(scores, member, RESAMPLES, LEVEL, SEED);
    }

    /**
     * Intervals of the ROC of {@code scores} against {@code member}.
     *
     * @param resamples bootstrap resamples, in [10, 100000]
     * @param level     coverage, in (0, 1)
     * @param seed      seed of the resampling
     */
    public static Result of(double[] scores, boolean[] member, int resamples, double level, long seed) {
        if (resamples < 10 || resamples > 100_000) {
            throw new IllegalArgumentException("ROC bootstrap: resamples must be in [10, 100000], got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("ROC bootstrap: level must be in (0, 1), got " + level);
        }
        RocCurve observed = RocCurve.of(scores, member); // validates the input
        int[] pos = indices(member, true);
        int[] neg = indices(member, false);
        int n = scores.length;
        double[] auc = new double[resamples];
        double[] t1 = new double[resamples];
        double[] t01 = new double[resamples];
        double[] fprs = Arrays.stream(GRID).filter(f -> f >= 1.0 / neg.length).toArray();
        double[][] grid = new double[fprs.length][resamples];
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[n];
        boolean[] m = new boolean[n];
        for (int b = 0; b < resamples; b++) {
            int k = 0;
            for (int i = 0; i < pos.length; i++, k++) {
                s[k] = scores[pos[rng.nextInt(pos.length)]];
                m[k] = true;
            }
            for (int i = 0; i < neg.length; i++, k++) {
                s[k] = scores[neg[rng.nextInt(neg.length)]];
                m[k] = false;
            }
            RocCurve c = RocCurve.of(s, m);
            auc[b] = c.auc();
            t1[b] = c.tprAtFpr(0.01);
            t01[b] = c.tprAtFpr(0.001);
            for (int g = 0; g < fprs.length; g++) {
                grid[g][b] = c.tprAtFpr(fprs[g]);
            }
        }
        double lo = (1 - level) / 2;
        double hi = 1 - lo;
        double[] tpr = new double[fprs.length];
        double[] low = new double[fprs.length];
        double[] high = new double[fprs.length];
        for (int g = 0; g < fprs.length; g++) {
            tpr[g] = observed.tprAtFpr(fprs[g]);
            Arrays.sort(grid[g]);
            low[g] = quantile(grid[g], lo);
            high[g] = quantile(grid[g], hi);
        }
        return new Result(
                interval(auc, lo, hi),
                interval(t1, lo, hi),
                interval(t01, lo, hi),
                new Band(fprs, tpr, low, high),
                resamples,
                level);
    }

    private static Interval interval(double[] v, double lo, double hi) {
        Arrays.sort(v);
        return new Interval(quantile(v, lo), quantile(v, hi));
    }

    /** The q-quantile of sorted values, linearly interpolated between order statistics. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        if (i + 1 >= sorted.length) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    private static int[] indices(boolean[] member, boolean which) {
        int c = 0;
        for (boolean b : member) {
            c += b == which ? 1 : 0;
        }
        int[] out = new int[c];
        int k = 0;
        for (int i = 0; i < member.length; i++) {
            if (member[i] == which) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static double[] grid(double from, int perDecade) {
        int decades = (int) Math.round(-Math.log10(from));
        double[] g = new double[decades * perDecade + 1];
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.pow(10, -decades + i / (double) perDecade);
        }
        g[g.length - 1] = 1.0;
        return g;
    }
}
