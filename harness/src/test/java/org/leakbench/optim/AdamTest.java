package org.leakbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Adam against the update rule of Kingma and Ba (ICLR 2015, Algorithm 1), and the variant Inverting Gradients
 * uses (Geiping et al., NeurIPS 2020): Adam on sign(∇f), learning rate ×0.1 at 3/8, 5/8 and 7/8 of the budget.
 */
class AdamTest {
    private static final double EPS = 1e-8;

    /** Records every point the optimiser evaluates: Adam evaluates x0, x1, …, x_T in order. */
    private static Objective recording(Objective f, List<double[]> points) {
        return (x, g) -> {
            points.add(x.clone());
            return f.evaluate(x, g);
        };
    }

    /** f(x) = ½(x₀² + 10x₁²) + x₀x₁/2: curved, coupled and with gradients of different sizes. */
    private static double bowl(double[] x, double[] g) {
        g[0] = x[0] + 0.5 * x[1];
        g[1] = 10 * x[1] + 0.5 * x[0];
        return 0.5 * (x[0] * x[0] + 10 * x[1] * x[1]) + 0.5 * x[0] * x[1];
    }

    @Test
    void iteratesFollowKingmaAndBaStepForStep() {
        int steps = 6;
        double lr = 0.05;
        double[] start = {1.5, -0.8};
        List<double[]> seen = new ArrayList<>();
        new Adam(new AdamOptions(steps, lr, false, false, 0, 0, 0))
                .minimize(recording(AdamTest::bowl, seen), start, () -> false);
        assertEquals(steps + 1, seen.size());

        // Algorithm 1 of the paper, written out: m_t, v_t, bias-corrected m̂_t, v̂_t, θ_t = θ_{t−1} − α·m̂/(√v̂ + ε).
        double b1 = 0.9;
        double b2 = 0.999;
        double[] theta = start.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        double[] g = new double[2];
        for (int t = 1; t <= steps; t++) {
            assertArrayEquals(theta, seen.get(t - 1), 1e-15, "iterate " + (t - 1));
            bowl(theta, g);
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + EPS);
            }
        }
        assertArrayEquals(theta, seen.get(steps), 1e-15, "last iterate");
    }

    @Test
    void firstStepHasTheLengthOfTheLearningRateInEveryCoordinate() {
        // Bias correction makes m̂₁ = g and v̂₁ = g², so the first step is lr·g/(|g| + ε).
        List<double[]> seen = new ArrayList<>();
        new Adam(new AdamOptions(1, 0.1, false, false, 0, 0, 0))
                .minimize(recording(AdamTest::bowl, seen), new double[] {2, 3}, () -> false);
        double[] g = new double[2];
        bowl(new double[] {2, 3}, g);
        assertArrayEquals(
                new double[] {2 - 0.1 * g[0] / (g[0] + EPS), 3 - 0.1 * g[1] / (g[1] + EPS)}, seen.get(1), 1e-15);
    }

    @Test
    void signedAdamWithStepDecayMovesByTheDecayedRateEachStep() {
        // f(x) = 2x₀ − 0.5x₁ + 7x₂: sign(∇f) = (1, −1, 1) everywhere, so m̂ = v̂ = 1 and each step is lr_t/(1 + ε).
        // With 8 iterations the rate drops ×0.1 at iterations 3, 5 and 7.
        double lr = 0.2;
        double[] rate = {1, 1, 1, 0.1, 0.1, 0.01, 0.01, 0.001};
        Objective linear = (x, g) -> {
            g[0] = 2;
            g[1] = -0.5;
            g[2] = 7;
            return 2 * x[0] - 0.5 * x[1] + 7 * x[2];
        };
        List<double[]> seen = new ArrayList<>();
        OptimResult r = new Adam(new AdamOptions(rate.length, lr, true, true, 0, 0, 0))
                .minimize(recording(linear, seen), new double[] {0, 0, 0}, () -> false);
        double moved = 0;
        for (int t = 0; t < rate.length; t++) {
            moved += lr * rate[t] / (1 + EPS);
            assertArrayEquals(new double[] {-moved, moved, -moved}, seen.get(t + 1), 1e-12, "after step " + (t + 1));
        }
        assertEquals(OptimResult.Status.MAX_ITERATIONS, r.status());
        assertEquals(rate.length, r.iterations());
        assertArrayEquals(seen.get(rate.length), r.x());
    }

    @Test
    void withoutDecayTheSignedStepStaysAtTheLearningRate() {
        Objective linear = (x, g) -> {
            g[0] = 1e-6; // the sign, not the size, sets the step
            return 1e-6 * x[0];
        };
        OptimResult r =
                new Adam(new AdamOptions(8, 0.2, true, false, 0, 0, 0)).minimize(linear, new double[] {0}, () -> false);
        assertEquals(-8 * 0.2 / (1 + EPS), r.x()[0], 1e-12);
    }

    @Test
    void boxConstraintClampsOnlyTheLeadingEntriesIncludingTheStart() {
        Objective linear = (x, g) -> {
            g[0] = 1;
            g[1] = 1;
            return x[0] + x[1];
        };
        List<double[]> seen = new ArrayList<>();
        OptimResult r = new Adam(new AdamOptions(10, 0.3, true, false, 1, -0.5, 0.5))
                .minimize(recording(linear, seen), new double[] {2, 2}, () -> false);
        assertArrayEquals(new double[] {0.5, 2}, seen.get(0), "start is clamped");
        assertEquals(-0.5, r.x()[0], 0);
        assertEquals(2 - 10 * 0.3 / (1 + EPS), r.x()[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new AdamOptions(5, 0.1, false, false, 1, 1, 1));
    }

    @Test
    void theBestPointByValueIsReturned() {
        // A large rate overshoots the minimum of x² and oscillates; the result is the lowest point evaluated.
        List<double[]> seen = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        Objective square = (x, g) -> {
            g[0] = 2 * x[0];
            double f = x[0] * x[0];
            values.add(f);
            return f;
        };
        OptimResult r = new Adam(new AdamOptions(12, 0.7, false, false, 0, 0, 0))
                .minimize(recording(square, seen), new double[] {1}, () -> false);
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(best)) {
                best = i;
            }
        }
        assertTrue(best < values.size() - 1, "the test needs a best point before the last one");
        assertArrayEquals(seen.get(best), r.x());
        assertEquals(values.get(best), r.value());
    }

    @Test
    void nanIsReportedAsDivergedWithTheBestPointBeforeIt() {
        AtomicInteger calls = new AtomicInteger();
        Objective f = (x, g) -> {
            if (calls.incrementAndGet() == 4) {
                g[0] = Double.NaN;
                return 1;
            }
            g[0] = 2 * x[0];
            return x[0] * x[0];
        };
        OptimResult r =
                new Adam(new AdamOptions(10, 0.1, false, false, 0, 0, 0)).minimize(f, new double[] {1}, () -> false);
        assertEquals(OptimResult.Status.DIVERGED, r.status());
        assertEquals(3, r.iterations());
        assertEquals(4, r.evaluations());
        assertTrue(Double.isFinite(r.value()) && r.value() < 1);
    }

    @Test
    void zeroGradientLeavesThePointWhereItIs() {
        OptimResult r = new Adam(new AdamOptions(5, 0.1, false, false, 0, 0, 0))
                .minimize(AdamTest::bowl, new double[] {0, 0}, () -> false);
        assertArrayEquals(new double[] {0, 0}, r.x());
        assertEquals(0, r.value());
        OptimResult signed = new Adam(new AdamOptions(5, 0.1, true, true, 0, 0, 0))
                .minimize(AdamTest::bowl, new double[] {0, 0}, () -> false);
        assertArrayEquals(new double[] {0, 0}, signed.x());
    }

    @Test
    void cancellationAndDeterminism() {
        AtomicInteger checks = new AtomicInteger();
        OptimResult cancelled = new Adam(new AdamOptions(100, 0.05, true, true, 0, 0, 0))
                .minimize(AdamTest::bowl, new double[] {1, 1}, () -> checks.incrementAndGet() > 4);
        assertEquals(OptimResult.Status.CANCELLED, cancelled.status());
        assertEquals(4, cancelled.iterations());
        AdamOptions o = new AdamOptions(50, 0.05, false, true, 1, -1, 1);
        OptimResult a = new Adam(o).minimize(AdamTest::bowl, new double[] {1, 1}, () -> false);
        OptimResult b = new Adam(o).minimize(AdamTest::bowl, new double[] {1, 1}, () -> false);
        assertArrayEquals(a.x(), b.x());
        assertEquals(a.value(), b.value());
    }

    @Test
    void invalidOptionsAreRejectedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AdamOptions(0, 0.1, false, false, 0, 0, 0))
                .getMessage()
                .contains("iterations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new AdamOptions(5, 0, false, false, 0, 0, 0))
                .getMessage()
                .contains("learningRate"));
        assertThrows(IllegalArgumentException.class, () -> new AdamOptions(5, 0.1, false, false, -1, 0, 1));
    }
}
