package org.leakbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void oneValueHasNoInterval() {
        assertNull(Bootstrap.meanCi95(new double[] {3.0}));
        assertNull(Bootstrap.meanCi95(new double[] {3.0, Double.NaN}));
    }

    @Test
    void equalValuesGiveAPointInterval() {
        Bootstrap ci = Bootstrap.meanCi95(new double[] {7, 7, 7, 7});
        assertEquals(7.0, ci.low(), 0);
        assertEquals(7.0, ci.high(), 0);
    }

    @Test
    void quantileInterpolatesBetweenOrderStatisticsLikeNumpy() {
        // numpy.quantile([1, 2, 4, 8], [0.025, 0.5, 0.975]) = [1.075, 3.0, 7.7]
        double[] v = {1, 2, 4, 8};
        assertEquals(1.075, Bootstrap.quantile(v, 0.025), 1e-12);
        assertEquals(3.0, Bootstrap.quantile(v, 0.5), 1e-12);
        assertEquals(7.7, Bootstrap.quantile(v, 0.975), 1e-12);
    }

    @Test
    void normalSamplesGiveAboutTheTInterval() {
        // For 100 roughly normal values the percentile interval is close to mean ± t·sd/√n.
        SplittableRandom rng = new SplittableRandom(3);
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = 30 + 10 * gaussian(rng);
        }
        Summary s = Summary.of(v);
        Bootstrap ci = Bootstrap.meanCi95(v);
        assertTrue(ci.low() < s.mean() && s.mean() < ci.high(), ci + " around " + s.mean());
        double half = (ci.high() - ci.low()) / 2;
        assertEquals(s.ci95(), half, 0.15 * s.ci95(), "bootstrap half-width against t interval");
    }

    @Test
    void theIntervalDependsOnTheValuesAlone() {
        double[] v = {12, 55, 31, 70, 8, 44, 61, 19};
        assertEquals(Bootstrap.meanCi95(v), Bootstrap.meanCi95(v.clone()));
        Bootstrap ci = Bootstrap.meanCi95(v);
        assertTrue(ci.low() > 8 && ci.high() < 70, "inside the range of the values: " + ci);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
