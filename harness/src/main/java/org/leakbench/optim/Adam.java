package org.leakbench.optim;

import java.util.function.BooleanSupplier;

/**
 * Adam (Kingma and Ba 2015), optionally on the sign of the gradient and with a box constraint, as
 * Inverting Gradients uses it (Geiping et al. 2020): learning rate decayed by 10× at 3/8, 5/8 and 7/8 of
 * the budget. Keeps the best point seen by value.
 */
public final class Adam {
    private final AdamOptions o;

    public Adam(AdamOptions options) {
        this.o = options;
    }

    public OptimResult minimize(Objective f, double[] start, BooleanSupplier cancelled) {
        int n = start.length;
        double[] x = start.clone();
        clamp(x);
        double[] g = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        double[] best = x.clone();
        double bestValue = Double.POSITIVE_INFINITY;
        double b1 = 0.9;
        double b2 = 0.999;
        int it = 0;
        for (; it < o.iterations(); it++) {
            if (cancelled.getAsBoolean()) {
                return new OptimResult(best, bestValue, it, it, OptimResult.Status.CANCELLED);
            }
            double fx = f.evaluate(x, g);
            if (!Double.isFinite(fx) || !Vectors.finite(g)) {
                return new OptimResult(best, bestValue, it, it + 1, OptimResult.Status.DIVERGED);
            }
            if (fx < bestValue) {
                bestValue = fx;
                System.arraycopy(x, 0, best, 0, n);
            }
            double lr = o.learningRate() * decay(it);
            double c1 = 1 - Math.pow(b1, it + 1);
            double c2 = 1 - Math.pow(b2, it + 1);
            for (int i = 0; i < n; i++) {
                double gi = o.signedGradient() ? Math.signum(g[i]) : g[i];
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                x[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
            clamp(x);
        }
        double fx = f.evaluate(x, g);
        if (Double.isFinite(fx) && fx < bestValue) {
            bestValue = fx;
            best = x.clone();
        }
        return new OptimResult(best, bestValue, it, it + 1, OptimResult.Status.MAX_ITERATIONS);
    }

    private double decay(int it) {
        if (!o.stepDecay()) {
            return 1;
        }
        int n = o.iterations();
        double f = 1;
        for (double mark : new double[] {3.0 / 8, 5.0 / 8, 7.0 / 8}) {
            if (it >= mark * n) {
                f *= 0.1;
            }
        }
        return f;
    }

    private void clamp(double[] x) {
        if (o.boxLength() <= 0) {
            return;
        }
        int limit = Math.min(o.boxLength(), x.length);
        for (int i = 0; i < limit; i++) {
            x[i] = Math.min(Math.max(x[i], o.boxLow()), o.boxHigh());
        }
    }
}
