package org.leakbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The strong-Wolfe line search on one-dimensional functions, among them the three test functions of
 * Moré and Thuente, "Line search algorithms with guaranteed sufficient decrease", ACM TOMS 20(3), 1994,
 * from their four starting steps 1e-3, 1e-1, 10 and 1e3.
 */
class StrongWolfeLineSearchTest {
    /** φ(α) and φ'(α). */
    private interface Phi {
        double value(double a);

        double slope(double a);
    }

    private static Objective along(Phi phi) {
        return (x, g) -> {
            g[0] = phi.slope(x[0]);
            return phi.value(x[0]);
        };
    }

    /** Moré–Thuente (5.1): φ(α) = −α/(α² + β), β = 2; minimiser √2. */
    private static final Phi MT1 = new Phi() {
        @Override
        public double value(double a) {
            return -a / (a * a + 2);
        }

        @Override
        public double slope(double a) {
            return (a * a - 2) / ((a * a + 2) * (a * a + 2));
        }
    };

    /** Moré–Thuente (5.2): φ(α) = (α + β)⁵ − 2(α + β)⁴, β = 0.004; minimiser 1.6 − β. */
    private static final Phi MT2 = new Phi() {
        @Override
        public double value(double a) {
            return Math.pow(a + 0.004, 5) - 2 * Math.pow(a + 0.004, 4);
        }

        @Override
        public double slope(double a) {
            return 5 * Math.pow(a + 0.004, 4) - 8 * Math.pow(a + 0.004, 3);
        }
    };

    /** Moré–Thuente (5.3): a kinked function plus a 39-wave sine, β = 0.01; many local minima. */
    private static final Phi MT3 = new Phi() {
        private static final double B = 0.01;
        private static final double L = 39;

        @Override
        public double value(double a) {
            double base = a <= 1 - B ? 1 - a : a >= 1 + B ? a - 1 : (a - 1) * (a - 1) / (2 * B) + B / 2;
            return base + 2 * (1 - B) / (L * Math.PI) * Math.sin(L * Math.PI * a / 2);
        }

        @Override
        public double slope(double a) {
            double base = a <= 1 - B ? -1 : a >= 1 + B ? 1 : (a - 1) / B;
            return base + (1 - B) * Math.cos(L * Math.PI * a / 2);
        }
    };

    private static StrongWolfeLineSearch.Step search(StrongWolfeLineSearch ls, Phi phi, double t0) {
        return ls.search(along(phi), new double[] {0}, phi.value(0), new double[] {phi.slope(0)}, new double[] {1}, t0);
    }

    private static void assertStrongWolfe(
            Phi phi, StrongWolfeLineSearch.Step step, double c1, double c2, String where) {
        double t = step.t();
        assertTrue(t > 0, where + ": no step");
        assertTrue(step.finite(), where);
        assertEquals(phi.value(t), step.value(), 0, where + ": value is not φ(t)");
        assertEquals(phi.slope(t), step.gradient()[0], 0, where + ": gradient is not φ'(t)");
        assertEquals(t, step.x()[0], 0, where);
        assertTrue(phi.value(t) <= phi.value(0) + c1 * t * phi.slope(0), where + ": sufficient decrease fails, t=" + t);
        assertTrue(Math.abs(phi.slope(t)) <= c2 * Math.abs(phi.slope(0)), where + ": curvature fails, t=" + t);
    }

    @Test
    void moreThuenteFunctionsGiveStrongWolfeStepsFromEveryStart() {
        assertStrongWolfeFromEveryStart(new Phi[] {MT1, MT2, MT3}, 1e-4, 0.9);
        // Function 2 is left out at c2 = 0.1: φ'(0) = −5.1e-7, so |φ'(t)| ≤ 5.1e-8 needs t within 2.5e-9 of the
        // minimiser, where φ changes by 4e-16, below the rounding of φ(1.596) = −1.3 that zoom compares.
        assertStrongWolfeFromEveryStart(new Phi[] {MT1, MT3}, 1e-3, 0.1);
    }

    private static void assertStrongWolfeFromEveryStart(Phi[] functions, double c1, double c2) {
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(c1, c2, 100);
        for (Phi phi : functions) {
            for (double t0 : new double[] {1e-3, 1e-1, 10, 1e3}) {
                String where = (phi == MT1 ? "function 1" : phi == MT2 ? "function 2" : "function 3") + ", t0=" + t0
                        + ", c2=" + c2;
                StrongWolfeLineSearch.Step step = search(ls, phi, t0);
                assertStrongWolfe(phi, step, c1, c2, where);
                assertTrue(step.evaluations() <= 100, where);
            }
        }
    }

    @Test
    void acceptableFirstTrialIsTakenWithOneEvaluation() {
        Phi phi = quadratic(2); // φ'(1) = −2, |φ'(1)| ≤ 0.9·|φ'(0)| = 3.6
        StrongWolfeLineSearch.Step step = search(StrongWolfeLineSearch.standard(), phi, 1);
        assertEquals(1, step.t());
        assertEquals(1, step.evaluations());
    }

    @Test
    void overshootingFirstTrialIsZoomedBackToTheMinimiser() {
        Phi phi = quadratic(0.3); // φ(1) > φ(0): the bracket is [0, 1]
        StrongWolfeLineSearch.Step step = search(StrongWolfeLineSearch.standard(), phi, 1);
        assertStrongWolfe(phi, step, 1e-4, 0.9, "overshoot");
        assertTrue(step.evaluations() > 1);
        // Cubic interpolation is exact on a quadratic.
        assertEquals(0.3, step.t(), 1e-9);
    }

    @Test
    void tooShortFirstTrialIsExtrapolated() {
        Phi phi = quadratic(5);
        StrongWolfeLineSearch.Step step = search(StrongWolfeLineSearch.standard(), phi, 1e-3);
        assertStrongWolfe(phi, step, 1e-4, 0.9, "extrapolation");
        assertTrue(step.t() > 0.5, "t = " + step.t());
    }

    @Test
    void nanBeyondTheMinimiserIsShrunkAwayFrom() {
        Phi quad = quadratic(0.3);
        Phi phi = new Phi() {
            @Override
            public double value(double a) {
                return a > 0.5 ? Double.NaN : quad.value(a);
            }

            @Override
            public double slope(double a) {
                return a > 0.5 ? Double.NaN : quad.slope(a);
            }
        };
        StrongWolfeLineSearch.Step step = search(StrongWolfeLineSearch.standard(), phi, 4);
        assertStrongWolfe(phi, step, 1e-4, 0.9, "nan region");
    }

    /** Fails on the old code, which reported finite = true after 25 NaN trials. */
    @Test
    void nanAtEveryTrialGivesNoStepAndNotFinite() {
        Objective f = (x, g) -> {
            g[0] = x[0] == 0 ? -1 : Double.NaN;
            return x[0] == 0 ? 0 : Double.NaN;
        };
        StrongWolfeLineSearch.Step step =
                StrongWolfeLineSearch.standard().search(f, new double[] {0}, 0, new double[] {-1}, new double[] {1}, 1);
        assertEquals(0, step.t());
        assertFalse(step.finite());
        assertTrue(step.evaluations() <= 25);
    }

    @Test
    void evaluationBudgetExhaustedReturnsTheBestPointSeen() {
        // Function 2 from t0 = 1000 needs more than 25 evaluations to meet the curvature condition.
        AtomicInteger evals = new AtomicInteger();
        Objective f = TestObjectives.counting(along(MT2), evals);
        StrongWolfeLineSearch.Step step = StrongWolfeLineSearch.standard()
                .search(f, new double[] {0}, MT2.value(0), new double[] {MT2.slope(0)}, new double[] {1}, 1000);
        assertTrue(step.evaluations() <= 25);
        assertEquals(evals.get(), step.evaluations());
        assertTrue(step.finite());
        assertTrue(step.value() <= MT2.value(0) + 1e-4 * step.t() * MT2.slope(0));
        assertEquals(MT2.value(step.t()), step.value(), 0);
    }

    /** Fails on the old code, which spent 25 evaluations and returned t = 0 without saying why. */
    @Test
    void nonDescentDirectionIsRejected() {
        Phi phi = quadratic(1);
        AtomicInteger evals = new AtomicInteger();
        Objective f = TestObjectives.counting(along(phi), evals);
        for (double direction : new double[] {-1, 0, Double.NaN}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> StrongWolfeLineSearch.standard()
                            .search(
                                    f,
                                    new double[] {0},
                                    phi.value(0),
                                    new double[] {phi.slope(0)},
                                    new double[] {direction},
                                    1));
            assertTrue(e.getMessage().contains("descent direction"), e.getMessage());
        }
        assertEquals(0, evals.get());
    }

    @Test
    void cubicInterpolationFindsTheMinimiserOfACubic() {
        // φ(t) = t³ − 3t: minimiser 1 from the points 0 and 2 (and in either order).
        assertEquals(1, StrongWolfeLineSearch.cubicMin(0, 0, -3, 2, 2, 9, 0, 2), 1e-12);
        assertEquals(1, StrongWolfeLineSearch.cubicMin(2, 2, 9, 0, 0, -3, 0, 2), 1e-12);
        // Clamped to the bounds, and the midpoint when the cubic has no minimiser.
        assertEquals(0.5, StrongWolfeLineSearch.cubicMin(0, 0, -3, 2, 2, 9, 0, 0.5));
        // Equal slopes 2 and secant slope 4/3 give d1 = 0 and a negative discriminant.
        assertEquals(1.5, StrongWolfeLineSearch.cubicMin(0, 0, 2, 3, 4, 2, 1, 2));
    }

    @Test
    void invalidConstantsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StrongWolfeLineSearch(0.9, 0.1, 25));
        assertThrows(IllegalArgumentException.class, () -> new StrongWolfeLineSearch(0, 0.9, 25));
        assertThrows(IllegalArgumentException.class, () -> new StrongWolfeLineSearch(1e-4, 1, 25));
        assertThrows(IllegalArgumentException.class, () -> new StrongWolfeLineSearch(1e-4, 0.9, 0));
    }

    /** φ(α) = (α − m)², descent at 0 for m > 0. */
    private static Phi quadratic(double m) {
        return new Phi() {
            @Override
            public double value(double a) {
                return (a - m) * (a - m);
            }

            @Override
            public double slope(double a) {
                return 2 * (a - m);
            }
        };
    }
}
