package org.leakbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** L-BFGS against known minima and iterates computed by hand. */
class LbfgsTest {
    private static final double[][] A = {{4, 1}, {1, 3}};
    private static final double[] B = {1, 2};

    private static OptimResult run(LbfgsOptions options, Objective f, double[] start) {
        return new Lbfgs(options).minimize(f, start, () -> false);
    }

    @Test
    void rosenbrock2dFromTheStandardStartReachesOneOneWithin50Iterations() {
        OptimResult r = run(LbfgsOptions.iterations(50), TestObjectives::rosenbrock, new double[] {-1.2, 1});
        assertEquals(OptimResult.Status.CONVERGED, r.status());
        assertTrue(r.iterations() <= 50);
        assertTrue(TestObjectives.maxAbsDiff(r.x(), new double[] {1, 1}) < 1e-6, Arrays.toString(r.x()));
        assertTrue(r.value() < 1e-12, "f = " + r.value());
    }

    @Test
    void chainedRosenbrockReachesAllOnesIn10And100Dimensions() {
        int[][] dimensionAndBudget = {{10, 150}, {100, 1000}};
        for (int[] c : dimensionAndBudget) {
            int n = c[0];
            OptimResult r =
                    run(LbfgsOptions.iterations(c[1]), TestObjectives::rosenbrock, TestObjectives.rosenbrockStart(n));
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            assertEquals(OptimResult.Status.CONVERGED, r.status(), "n = " + n);
            assertTrue(TestObjectives.maxAbsDiff(r.x(), ones) < 1e-6, "n = " + n + ": " + Arrays.toString(r.x()));
        }
    }

    @Test
    void stronglyConvexQuadraticConvergesToTheSolutionOfAxEqualsB() {
        // A⁻¹b = (1/11)·[[3, −1], [−1, 4]]·(1, 2) = (1/11, 7/11)
        OptimResult r =
                run(new LbfgsOptions(100, 10, 1, 1e-12, 0), TestObjectives.quadratic(A, B), new double[] {5, -7});
        assertEquals(OptimResult.Status.CONVERGED, r.status());
        assertArrayEquals(new double[] {1.0 / 11, 7.0 / 11}, r.x(), 1e-11);
    }

    @Test
    void firstTwoIteratesOnA2dQuadraticMatchSteepestDescentThenTheBfgsUpdate() {
        Objective f = TestObjectives.quadratic(A, B);
        double[] x0 = {0, 0};
        double[] g0 = {-1, -2}; // A·x0 − b
        // Iteration 1: steepest descent with PyTorch's first trial step min(1, 1/‖g‖₁)·lr = 1/3.
        double t0 = 1.0 / 3;
        double[] d0 = {1, 2};
        assertStrongWolfe(f, x0, d0, t0);
        double[] x1 = {x0[0] + t0 * d0[0], x0[1] + t0 * d0[1]};
        assertArrayEquals(x1, run(LbfgsOptions.iterations(1), f, x0).x(), 1e-15);

        // Iteration 2: d1 = −H1·g1 with H1 the BFGS update of γI, γ = s'y/y'y, from the pair (s0, y0).
        double[] s = {x1[0] - x0[0], x1[1] - x0[1]};
        double[] y = {A[0][0] * s[0] + A[0][1] * s[1], A[1][0] * s[0] + A[1][1] * s[1]};
        double[] g1 = {g0[0] + y[0], g0[1] + y[1]};
        double sy = s[0] * y[0] + s[1] * y[1];
        double gamma = sy / (y[0] * y[0] + y[1] * y[1]);
        double[][] h = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                // H1 = (I − ρsy')·γI·(I − ρys') + ρss'
                double sum = 0;
                for (int k = 0; k < 2; k++) {
                    double left = (i == k ? 1 : 0) - s[i] * y[k] / sy;
                    double right = (k == j ? 1 : 0) - y[k] * s[j] / sy;
                    sum += left * gamma * right;
                }
                h[i][j] = sum + s[i] * s[j] / sy;
            }
        }
        double[] d1 = {-(h[0][0] * g1[0] + h[0][1] * g1[1]), -(h[1][0] * g1[0] + h[1][1] * g1[1])};
        assertStrongWolfe(f, x1, d1, 1.0); // so the line search accepts its first trial t = 1
        double[] x2 = {x1[0] + d1[0], x1[1] + d1[1]};
        assertArrayEquals(x2, run(LbfgsOptions.iterations(2), f, x0).x(), 1e-14);
        assertArrayEquals(new double[] {5.0 / 34, 10.0 / 17}, x2, 1e-15);
    }

    /**
     * With A = cI every pair has y = c·s, so γ = 1/c and the updated H is exactly A⁻¹: the second step is a
     * Newton step with unit length, which satisfies the Wolfe conditions and lands on the minimiser.
     * (For a general quadratic the n-step termination of quasi-Newton methods needs exact line searches;
     * Wolfe steps are inexact, so only convergence is asserted there.)
     */
    @Test
    void isotropicQuadraticIsSolvedInTwoIterationsInAnyDimension() {
        for (int n : new int[] {2, 7, 30}) {
            double[] c = new double[n];
            Arrays.fill(c, 3);
            double[] b = new double[n];
            double[] solution = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = 3 * (i - 2.5);
                solution[i] = i - 2.5;
            }
            Objective f = TestObjectives.quadratic(TestObjectives.diagonal(c), b);
            OptimResult one = run(LbfgsOptions.iterations(1), f, new double[n]);
            assertTrue(TestObjectives.maxAbsDiff(one.x(), solution) > 0.1, "n = " + n);
            OptimResult r = run(LbfgsOptions.iterations(10), f, new double[n]);
            assertEquals(OptimResult.Status.CONVERGED, r.status(), "n = " + n);
            assertEquals(2, r.iterations(), "n = " + n);
            assertArrayEquals(solution, r.x(), 1e-12);
        }
    }

    /**
     * Memory ≥ n does not make L-BFGS stop after n steps here: the n-step termination of quasi-Newton methods on
     * quadratics needs exact line searches, and Wolfe steps are inexact (PyTorch takes the same path, see
     * LbfgsReferenceTest). What holds is convergence (Liu and Nocedal 1989): with history 100 it needs 42
     * iterations on this 10-D problem, with history 10 about 400. Written as ½(x − x*)'C(x − x*) so that f → 0
     * at the minimiser: as ½x'Cx − b'x the value stays near −8e4 and rounding hides the last decreases.
     */
    @Test
    void illConditionedQuadraticConvergesToItsMinimiser() {
        int n = 10;
        double[] c = new double[n];
        double[] solution = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = Math.pow(10, i / 3.0); // condition number 1000
            solution[i] = 1 + i;
        }
        Objective f = (x, g) -> {
            double v = 0;
            for (int i = 0; i < n; i++) {
                double e = x[i] - solution[i];
                g[i] = c[i] * e;
                v += 0.5 * c[i] * e * e;
            }
            return v;
        };
        OptimResult full = run(new LbfgsOptions(5 * n, 100, 1, 1e-9, 0), f, new double[n]);
        assertEquals(OptimResult.Status.CONVERGED, full.status());
        assertArrayEquals(solution, full.x(), 1e-9);
        OptimResult memoryN = run(new LbfgsOptions(50 * n, n, 1, 1e-8, 0), f, new double[n]);
        assertEquals(OptimResult.Status.CONVERGED, memoryN.status());
        assertArrayEquals(solution, memoryN.x(), 1e-7);
    }

    @Test
    void nanAtTheStartIsReportedAsDivergedWithoutIterating() {
        OptimResult nan = run(LbfgsOptions.iterations(10), (x, g) -> Double.NaN, new double[] {1, 2});
        assertEquals(OptimResult.Status.DIVERGED, nan.status());
        assertEquals(0, nan.iterations());
        OptimResult infGradient = run(
                LbfgsOptions.iterations(10),
                (x, g) -> {
                    g[0] = Double.POSITIVE_INFINITY;
                    return 1;
                },
                new double[] {1});
        assertTrue(infGradient.diverged());
    }

    /** Fails on the old code, which called this CONVERGED: the line search's fallback claimed finite values. */
    @Test
    void nanAtEveryTrialPointIsReportedAsDiverged() {
        Objective finiteOnlyAtStart = (x, g) -> {
            if (x[0] == 3 && x[1] == 4) {
                g[0] = 6;
                g[1] = 8;
                return 25;
            }
            g[0] = Double.NaN;
            g[1] = 0;
            return Double.NaN;
        };
        OptimResult r = run(LbfgsOptions.iterations(10), finiteOnlyAtStart, new double[] {3, 4});
        assertEquals(OptimResult.Status.DIVERGED, r.status());
        assertArrayEquals(new double[] {3, 4}, r.x());
        assertEquals(25, r.value());
    }

    @Test
    void nanBeyondTheFirstTrialStepIsStepppedAroundByShrinking() {
        // (x − 0.3)² undefined beyond x = 1; lr 10 makes the first trial land at x = 8.
        Objective f = (x, g) -> {
            if (x[0] > 1) {
                g[0] = Double.NaN;
                return Double.NaN;
            }
            g[0] = 2 * (x[0] - 0.3);
            return (x[0] - 0.3) * (x[0] - 0.3);
        };
        OptimResult r = run(new LbfgsOptions(50, 5, 10, 1e-9, 0), f, new double[] {-2});
        assertEquals(OptimResult.Status.CONVERGED, r.status());
        assertEquals(0.3, r.x()[0], 1e-9);
    }

    @Test
    void zeroGradientAtTheStartReturnsAfterOneEvaluation() {
        AtomicInteger evals = new AtomicInteger();
        Objective f = TestObjectives.counting(TestObjectives::rosenbrock, evals);
        OptimResult r = run(LbfgsOptions.iterations(10), f, new double[] {1, 1, 1});
        assertEquals(OptimResult.Status.CONVERGED, r.status());
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
        assertEquals(1, evals.get());
        assertArrayEquals(new double[] {1, 1, 1}, r.x());
    }

    /** g'g underflows to 0 for g = 1e-170; the line search would reject d = −g as not a descent direction. */
    @Test
    void gradientTooSmallToSquareEndsAsConvergedWithoutAnException() {
        Objective tilted = (x, g) -> {
            g[0] = 1e-170;
            return 1e-170 * x[0];
        };
        OptimResult r = run(new LbfgsOptions(10, 5, 1, 0, 0), tilted, new double[] {2});
        assertEquals(OptimResult.Status.CONVERGED, r.status());
        assertEquals(0, r.iterations());
        assertArrayEquals(new double[] {2}, r.x());
    }

    @Test
    void iterationBudgetIsHonouredAndEvaluationsAreCountedExactly() {
        AtomicInteger evals = new AtomicInteger();
        Objective f = TestObjectives.counting(TestObjectives::rosenbrock, evals);
        OptimResult r = run(LbfgsOptions.iterations(5), f, new double[] {-1.2, 1});
        assertEquals(OptimResult.Status.MAX_ITERATIONS, r.status());
        assertEquals(5, r.iterations());
        assertEquals(evals.get(), r.evaluations());
    }

    @Test
    void sameStartGivesBitIdenticalResultsAndTheStartIsNotModified() {
        double[] start = TestObjectives.rosenbrockStart(6);
        double[] copy = start.clone();
        OptimResult a = run(LbfgsOptions.iterations(30), TestObjectives::rosenbrock, start);
        OptimResult b = run(LbfgsOptions.iterations(30), TestObjectives::rosenbrock, start);
        assertArrayEquals(copy, start);
        assertArrayEquals(a.x(), b.x());
        assertEquals(a.value(), b.value());
        assertEquals(a.evaluations(), b.evaluations());
    }

    @Test
    void cancellationIsCheckedBeforeEveryIteration() {
        AtomicInteger checks = new AtomicInteger();
        OptimResult r = new Lbfgs(LbfgsOptions.iterations(100))
                .minimize(TestObjectives::rosenbrock, new double[] {-1.2, 1}, () -> checks.incrementAndGet() > 3);
        assertEquals(OptimResult.Status.CANCELLED, r.status());
        assertEquals(3, r.iterations());
        assertArrayEquals(
                run(LbfgsOptions.iterations(3), TestObjectives::rosenbrock, new double[] {-1.2, 1})
                        .x(),
                r.x());
    }

    @Test
    void invalidOptionsAreRejectedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LbfgsOptions(0, 10, 1, 0, 0))
                .getMessage()
                .contains("maxIterations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LbfgsOptions(5, 0, 1, 0, 0))
                .getMessage()
                .contains("history"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LbfgsOptions(5, 10, Double.NaN, 0, 0))
                .getMessage()
                .contains("learningRate"));
        assertThrows(IllegalArgumentException.class, () -> new LbfgsOptions(5, 10, 1, -1, 0));
    }

    /** Checks φ(t) ≤ φ(0) + c1·t·φ'(0) and |φ'(t)| ≤ c2·|φ'(0)| for the standard c1 = 1e-4, c2 = 0.9. */
    static void assertStrongWolfe(Objective f, double[] x, double[] d, double t) {
        double[] g = new double[x.length];
        double f0 = f.evaluate(x, g);
        double dg0 = Vectors.dot(g, d);
        double[] xt = new double[x.length];
        Vectors.step(x, t, d, xt);
        double ft = f.evaluate(xt, g);
        double dgt = Vectors.dot(g, d);
        assertTrue(dg0 < 0, "not a descent direction");
        assertTrue(ft <= f0 + 1e-4 * t * dg0, "sufficient decrease fails at t = " + t);
        assertTrue(Math.abs(dgt) <= 0.9 * Math.abs(dg0), "curvature fails at t = " + t);
    }
}
