package org.leakbench.optim;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Test functions with known minima, shared by the optimiser tests. */
final class TestObjectives {
    private TestObjectives() {}

    /**
     * The chained Rosenbrock function Σ 100(x[i+1] − x[i]²)² + (1 − x[i])² (Rosenbrock 1960; the chained
     * form is the "extended" one of Moré, Garbow and Hillstrom 1981 without decoupling). Minimum 0 at (1,…,1).
     */
    static double rosenbrock(double[] x, double[] g) {
        Arrays.fill(g, 0);
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * a * x[i] - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    /** The standard start (−1.2, 1, −1.2, 1, …) of length n. */
    static double[] rosenbrockStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    /** f(x) = ½x'Ax − b'x for a symmetric A; its minimiser solves Ax = b. */
    static Objective quadratic(double[][] a, double[] b) {
        return (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double ax = 0;
                for (int j = 0; j < x.length; j++) {
                    ax += a[i][j] * x[j];
                }
                g[i] = ax - b[i];
                f += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return f;
        };
    }

    /** A diagonal matrix with the given entries. */
    static double[][] diagonal(double... d) {
        double[][] a = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            a[i][i] = d[i];
        }
        return a;
    }

    /** Wraps an objective and counts its evaluations. */
    static Objective counting(Objective f, AtomicInteger count) {
        return (x, g) -> {
            count.incrementAndGet();
            return f.evaluate(x, g);
        };
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
