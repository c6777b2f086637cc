package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocBootstrapTest {
    /** Members' scores shifted by {@code shift} standard deviations. */
    private static double[][] scores(int n, double shift, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] s = new double[2 * n];
        double[] m = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            boolean member = i < n;
            s[i] = rng.nextGaussian() + (member ? shift : 0);
            m[i] = member ? 1 : 0;
        }
        return new double[][] {s, m};
    }

    private static boolean[] members(double[] m) {
        boolean[] b = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            b[i] = m[i] == 1;
        }
        return b;
    }

    @Test
    void intervalsContainTheEstimateAndShrinkWithMoreExamples() {
        double[][] small = scores(100, 1.0, 1);
        double[][] large = scores(1600, 1.0, 1);
        RocBootstrap.Result a = RocBootstrap.of(small[0], members(small[1]));
        RocBootstrap.Result b = RocBootstrap.of(large[0], members(large[1]));
        double aucSmall = RocCurve.of(small[0], members(small[1])).auc();
        assertTrue(a.auc().low() <= aucSmall && aucSmall <= a.auc().high(), a.auc() + " vs " + aucSmall);
        double widthSmall = a.auc().high() - a.auc().low();
        double widthLarge = b.auc().high() - b.auc().low();
        // The width of a bootstrap interval falls like 1/sqrt(n): 16 times the examples, about a quarter.
        assertTrue(widthLarge < 0.4 * widthSmall, widthSmall + " -> " + widthLarge);
        // AUC of N(1,1) against N(0,1) is Φ(1/√2) ≈ 0.760.
        assertTrue(b.auc().low() < 0.760 && 0.760 < b.auc().high(), "large-sample interval " + b.auc());
        assertTrue(a.band().fpr()[0] >= 0.01 && a.band().fpr()[0] < 0.02, "band starts at 1/100 non-members");
        assertEquals(1.0, a.band().fpr()[a.band().fpr().length - 1]);
        assertTrue(b.band().fpr()[0] < 1e-3, "1600 non-members resolve FPR 1/1600");
        for (int g = 0; g < a.band().fpr().length; g++) {
            assertTrue(a.band().low()[g] <= a.band().high()[g]);
        }
        assertTrue(a.tprAt01Pct().low() <= a.tprAt1Pct().high());
    }

    @Test
    void sameSeedSameBandsAnotherSeedOther() {
        double[][] s = scores(200, 0.5, 3);
        RocBootstrap.Result a = RocBootstrap.of(s[0], members(s[1]), 100, 0.9, 5);
        RocBootstrap.Result b = RocBootstrap.of(s[0], members(s[1]), 100, 0.9, 5);
        RocBootstrap.Result c = RocBootstrap.of(s[0], members(s[1]), 100, 0.9, 6);
        assertArrayEquals(a.band().low(), b.band().low());
        assertTrue(a.auc().low() != c.auc().low() || a.auc().high() != c.auc().high());
    }

    @Test
    void aPerfectAttackHasADegenerateInterval() {
        double[][] s = scores(50, 100.0, 2);
        RocBootstrap.Result r = RocBootstrap.of(s[0], members(s[1]));
        assertEquals(new RocBootstrap.Interval(1.0, 1.0), r.auc());
        assertEquals(new RocBootstrap.Interval(1.0, 1.0), r.tprAt01Pct());
    }

    @Test
    void badSettingsAreRefused() {
        double[][] s = scores(10, 1.0, 2);
        assertThrows(IllegalArgumentException.class, () -> RocBootstrap.of(s[0], members(s[1]), 5, 0.9, 1));
        assertThrows(IllegalArgumentException.class, () -> RocBootstrap.of(s[0], members(s[1]), 100, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> RocBootstrap.of(s[0], new boolean[20], 100, 0.9, 1));
    }
}
