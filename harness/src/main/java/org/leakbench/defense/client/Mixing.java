package org.leakbench.defense.client;

import java.util.SplittableRandom;

/** The random draws of the mixing defenses: Beta and Dirichlet weights (via Gamma variates) and partners. */
final class Mixing {
    private Mixing() {}

    /**
     * A Gamma(shape, 1) variate (Marsaglia and Tsang, A Simple Method for Generating Gamma Variables, ACM TOMS
     * 2000), with the boost U^{1/shape} for a shape below 1.
     */
    static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** A Beta(α, α) variate. */
    static double beta(double alpha, SplittableRandom rng) {
        double a = gamma(alpha, rng);
        double b = gamma(alpha, rng);
        return a / (a + b);
    }

    /** k weights from the flat Dirichlet distribution, redrawn until none exceeds {@code cap}. */
    static double[] dirichlet(int k, double cap, SplittableRandom rng) {
        if (k * cap < 1) {
            throw new IllegalArgumentException("cannot split 1 into " + k + " weights of at most " + cap);
        }
        while (true) {
            double[] w = new double[k];
            double sum = 0;
            for (int j = 0; j < k; j++) {
                w[j] = gamma(1, rng);
                sum += w[j];
            }
            boolean ok = true;
            for (int j = 0; j < k; j++) {
                w[j] /= sum;
                ok &= w[j] <= cap;
            }
            if (ok) {
                return w;
            }
        }
    }
}
