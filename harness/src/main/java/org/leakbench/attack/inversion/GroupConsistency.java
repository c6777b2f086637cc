package org.leakbench.attack.inversion;

import org.leakbench.optim.Objective;

/**
 * GradInversion's group consistency (Yin et al. 2021, Eq. 7), without registration: R restarts of one objective
 * are optimised together and each is drawn towards the group's mean by α·‖x_g − x̄‖²/n (n entries per restart).
 * The mean needs no alignment here because the labels, fixed per batch position, pin each sample's position in
 * every restart. The value is the mean over the restarts of their own objective plus the group term.
 */
final class GroupConsistency implements Objective {
    private final Objective each;
    private final int n;
    private final int restarts;
    private final double weight;

    GroupConsistency(Objective each, int dimension, int restarts, double weight) {
        this.each = each;
        this.n = dimension;
        this.restarts = restarts;
        this.weight = weight;
    }

    int dimension() {
        return n * restarts;
    }

    @Override
    public double evaluate(double[] z, double[] gradient) {
        double[] part = new double[n];
        double[] partGrad = new double[n];
        double total = 0;
        for (int g = 0; g < restarts; g++) {
            System.arraycopy(z, g * n, part, 0, n);
            total += each.evaluate(part, partGrad);
            System.arraycopy(partGrad, 0, gradient, g * n, n);
        }
        if (restarts > 1 && weight > 0) {
            double[] mean = mean(z);
            for (int g = 0; g < restarts; g++) {
                for (int i = 0; i < n; i++) {
                    double d = z[g * n + i] - mean[i];
                    total += weight * d * d / n;
                    // Σ_h (x_h − x̄) = 0, so x̄'s own dependence on x_g drops out of the gradient.
                    gradient[g * n + i] += 2 * weight * d / n;
                }
            }
        }
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] /= restarts;
        }
        return total / restarts;
    }

    /** The registration-free mean of the restarts in {@code z}. */
    double[] mean(double[] z) {
        double[] mean = new double[n];
        for (int g = 0; g < restarts; g++) {
            for (int i = 0; i < n; i++) {
                mean[i] += z[g * n + i] / restarts;
            }
        }
        return mean;
    }
}
