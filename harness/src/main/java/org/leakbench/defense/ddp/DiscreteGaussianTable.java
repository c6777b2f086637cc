package org.leakbench.defense.ddp;

import java.util.SplittableRandom;

/**
 * A fast sampler of the discrete Gaussian N_Z(0, σ²) (probability of k proportional to exp(−k²/(2σ²))): Walker's
 * alias table over [−T, T] with T = ⌈13σ⌉, built once in double precision, then two draws of a
 * {@link SplittableRandom} per sample. The mass it leaves out beyond T is below e^−84. It is floating-point
 * and not cryptographic, the way {@code dp.noise: fast} is for the continuous Gaussian; the exact sampler of
 * Canonne, Kamath, Steinke (2020) is {@link org.leakbench.defense.dp.DiscreteGaussianSampler}.
 */
public final class DiscreteGaussianTable {
    /** Tables beyond this many entries (σ above about 80 000) cost more memory than the exact sampler's time. */
    public static final int MAX_ENTRIES = 1 << 21;

    private final int half;
    private final double[] keep;
    private final int[] alias;

    public DiscreteGaussianTable(double sigma) {
        if (!(sigma > 0) || !fits(sigma)) {
            throw new IllegalArgumentException(
                    "discrete Gaussian table: sigma must be in (0, " + maxSigma() + "], got " + sigma);
        }
        half = (int) Math.ceil(13 * sigma);
        int size = 2 * half + 1;
        double[] p = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            double k = i - half;
            p[i] = Math.exp(-k * k / (2 * sigma * sigma));
            total += p[i];
        }
        keep = new double[size];
        alias = new int[size];
        build(p, total);
    }

    /** Whether a table for σ stays within {@link #MAX_ENTRIES}. */
    public static boolean fits(double sigma) {
        return 2 * Math.ceil(13 * sigma) + 1 <= MAX_ENTRIES;
    }

    static double maxSigma() {
        return Math.floor((MAX_ENTRIES - 1) / 2.0 / 13);
    }

    /** Vose's construction: small and large entries paired so each column holds mass 1/size. */
    private void build(double[] p, double total) {
        int size = p.length;
        int[] small = new int[size];
        int[] large = new int[size];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < size; i++) {
            p[i] = p[i] * size / total;
            if (p[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            keep[s] = p[s];
            alias[s] = l;
            p[l] = p[l] + p[s] - 1;
            if (p[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            keep[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) { // only rounding leaves entries here: their mass is 1 up to it
            int s = small[--ns];
            keep[s] = 1;
            alias[s] = s;
        }
    }

    /** One sample. */
    public long sample(SplittableRandom random) {
        int column = random.nextInt(keep.length);
        return (random.nextDouble() < keep[column] ? column : alias[column]) - half;
    }
}
