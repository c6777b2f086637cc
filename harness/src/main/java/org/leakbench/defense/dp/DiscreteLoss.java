package org.leakbench.defense.dp;

/**
 * A privacy-loss distribution on the grid {i·h + offset}: mass {@code pmf[i]} at loss (start + i)·h + offset,
 * plus mass at +∞ (outcomes that reveal the record outright, or pessimistically truncated tails) and a record of mass that was
 * moved without a pessimistic direction ({@code displaced}, which PRV charges to its δ error). Composition adds
 * losses, so it convolves the pmfs; both k-fold and pairwise composition go through the FFT.
 *
 * <p>δ(ε) = P(∞) + Σ_{l &gt; ε} p(l)(1 − e^{ε−l}) is the hockey-stick divergence of the pair this distribution
 * stands for, and ε(δ) inverts it exactly between grid points.
 */
final class DiscreteLoss {
    final double h;
    final long start;
    final double[] pmf;
    final double infinity;
    final double displaced;
    /** A shift of the whole grid: the losses are (start + i)·h + offset (0 except for cell-centred grids). */
    final double offset;

    DiscreteLoss(double h, long start, double[] pmf, double infinity, double displaced) {
        this(h, start, pmf, infinity, displaced, 0.0);
    }

    DiscreteLoss(double h, long start, double[] pmf, double infinity, double displaced, double offset) {
        this.h = h;
        this.start = start;
        this.pmf = pmf;
        this.infinity = infinity;
        this.displaced = displaced;
        this.offset = offset;
    }

    /** Loss of {@code pmf[i]}. */
    double loss(int i) {
        return (start + i) * h + offset;
    }

    /** δ(ε) of this distribution. */
    double delta(double epsilon) {
        double sum = 0;
        for (int i = pmf.length - 1; i >= 0; i--) {
            double l = loss(i);
            if (l <= epsilon) {
                break;
            }
            sum += pmf[i] * -Math.expm1(epsilon - l);
        }
        return Math.min(1.0, infinity + sum);
    }

    /**
     * The smallest ε ≥ 0 with δ(ε) ≤ {@code delta}; +∞ when even the mass at +∞ exceeds δ. Between grid points
     * δ(ε) = P(∞) + S0 − e^ε S1 with suffix sums S0 = Σ p, S1 = Σ p e^{−l}, solved in closed form.
     */
    double epsilon(double delta) {
        if (infinity >= delta) {
            return Double.POSITIVE_INFINITY;
        }
        // One pass down from the top; when δ(0) ≤ δ it reaches the points at or below 0 and returns 0 there.
        double s0 = 0;
        double s1 = 0;
        for (int i = pmf.length - 1; i >= 0; i--) {
            double l = loss(i);
            if (pmf[i] > 0) {
                s0 += pmf[i];
                s1 += pmf[i] * Math.exp(-l);
            }
            double below = i > 0 ? Math.max(0.0, loss(i - 1)) : 0.0;
            // On [below, l) only the points from i upwards count; δ there falls from δ(below) to δ(l).
            double atBelow = infinity + s0 - Math.exp(below) * s1;
            if (atBelow > delta) {
                double eps = Math.log((infinity + s0 - delta) / s1);
                return Math.max(below, Math.min(l, eps));
            }
            if (below == 0.0) {
                return 0.0; // δ(0) ≤ δ; the formula's logarithm would be of a non-positive number here
            }
        }
        return 0.0;
    }

    /**
     * The k-fold composition: one real FFT, a k-th power of the half spectrum, one inverse, on a window from
     * Chernoff tail bounds (the circular wrap folds only mass from beyond the window, charged below).
     */
    DiscreteLoss selfCompose(long k, double tail, boolean pessimistic) {
        if (k == 1) {
            return this;
        }
        double[] window = ChernoffWindow.of(this, k, tail);
        double composedOffset = k * offset;
        long lo = (long) Math.floor((window[0] - composedOffset) / h);
        long hi = (long) Math.ceil((window[1] - composedOffset) / h);
        long natural = k * (pmf.length - 1L) + 1;
        long span = Math.min(natural, hi - lo + 1);
        if (span == natural) {
            lo = k * start;
            hi = lo + natural - 1;
        }
        int n = Math.max(2, Fft.size(span));
        double[] x = new double[n];
        for (int i = 0; i < pmf.length; i++) {
            x[i % n] += pmf[i];
        }
        double[] re = new double[n / 2 + 1];
        double[] im = new double[n / 2 + 1];
        Fft.realForward(x, re, im);
        Fft.power(re, im, k);
        Fft.realInverse(re, im, x);
        int m = (int) (hi - lo + 1);
        double[] out = new double[m];
        long base = Math.floorMod(lo - k * start, (long) n);
        double kept = 0;
        for (int j = 0; j < m; j++) {
            double v = x[(int) ((base + j) % n)];
            out[j] = v > 0 ? v : 0.0;
            kept += out[j];
        }
        double finite = 1.0 - infinity;
        double composedFinite = Math.pow(finite, k);
        // Mass outside the window (at most 2·tail by the Chernoff bound) is gone; a pessimistic account puts
        // it, and as much again for what the circular wrap may have folded in, at +∞.
        double lost = Math.max(0.0, composedFinite - kept) + (span < natural ? 2 * tail : 0.0);
        double inf = 1.0 - composedFinite + (pessimistic ? lost : 0.0);
        double displacedNow = 1.0 - Math.pow(1.0 - displaced, k) + (pessimistic ? 0.0 : lost);
        return new DiscreteLoss(h, lo, out, Math.min(1.0, inf), displacedNow, composedOffset).trim(tail, pessimistic);
    }

    /** The composition of two distributions on the same grid step (linear convolution by real FFT). */
    DiscreteLoss compose(DiscreteLoss other, double tail, boolean pessimistic) {
        if (other.h != h) {
            throw new IllegalArgumentException("grids differ: h = " + h + " and " + other.h);
        }
        int m = pmf.length + other.pmf.length - 1;
        int n = Math.max(2, Fft.size(m));
        double[] a = java.util.Arrays.copyOf(pmf, n);
        double[] b = java.util.Arrays.copyOf(other.pmf, n);
        int half = n / 2 + 1;
        double[] ar = new double[half];
        double[] ai = new double[half];
        double[] br = new double[half];
        double[] bi = new double[half];
        Fft.realForward(a, ar, ai);
        Fft.realForward(b, br, bi);
        for (int i = 0; i < half; i++) {
            double r = ar[i] * br[i] - ai[i] * bi[i];
            ai[i] = ar[i] * bi[i] + ai[i] * br[i];
            ar[i] = r;
        }
        Fft.realInverse(ar, ai, a);
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            out[i] = a[i] > 0 ? a[i] : 0.0;
        }
        double inf = 1 - (1 - infinity) * (1 - other.infinity);
        double disp = 1 - (1 - displaced) * (1 - other.displaced);
        return new DiscreteLoss(h, start + other.start, out, inf, disp, offset + other.offset).trim(tail, pessimistic);
    }

    /**
     * Drops both tails of at most {@code tail} mass each: the upper one goes to +∞ (pessimistic) or is
     * displaced, the lower one to the lowest kept point (raising a loss never lowers δ).
     */
    DiscreteLoss trim(double tail, boolean pessimistic) {
        int first = 0;
        double low = 0;
        while (first < pmf.length - 1 && low + pmf[first] <= tail) {
            low += pmf[first++];
        }
        int last = pmf.length - 1;
        double high = 0;
        while (last > first && high + pmf[last] <= tail) {
            high += pmf[last--];
        }
        if (first == 0 && last == pmf.length - 1) {
            return this;
        }
        double[] out = java.util.Arrays.copyOfRange(pmf, first, last + 1);
        out[0] += low;
        double inf = infinity + (pessimistic ? high : 0.0);
        double disp = displaced + (pessimistic ? 0.0 : high + low);
        return new DiscreteLoss(h, start + first, out, inf, disp, offset);
    }
}
