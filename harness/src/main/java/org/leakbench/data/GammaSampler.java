package org.leakbench.data;

import java.util.SplittableRandom;

/** Gamma and Dirichlet variates from a {@link SplittableRandom}, for the Dirichlet partition. */
final class GammaSampler {
    private GammaSampler() {}

    /** A symmetric Dirichlet(α, …, α) draw of dimension {@code k}: normalised Gamma(α, 1) variates. */
    static double[] dirichlet(double alpha, int k, SplittableRandom rng) {
        double[] x = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            x[i] = gamma(alpha, rng);
            sum += x[i];
        }
        if (!(sum > 0)) {
            // every variate underflowed (possible for tiny alpha): put all mass on one random coordinate,
            // which is the limit of Dirichlet(alpha) as alpha goes to 0
            x[rng.nextInt(k)] = 1;
            return x;
        }
        for (int i = 0; i < k; i++) {
            x[i] /= sum;
        }
        return x;
    }

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma variables", ACM TOMS
     * 26(3); for shape &lt; 1 the boost Gamma(shape) = Gamma(shape + 1) · U^(1/shape) from the same paper.
     */
    static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = normal(rng);
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    /** Standard normal by the Box–Muller transform (one of the pair; simplicity over speed). */
    private static double normal(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble(); // in (0, 1], so the log is finite
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
