package org.leakbench.results.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void knownValues() {
        Summary s = Summary.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(8, s.n());
        assertEquals(5.0, s.mean(), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), s.sd(), 1e-12);
        assertEquals(2.3646 * Math.sqrt(32.0 / 7) / Math.sqrt(8), s.ci95(), 1e-12);
        assertEquals(4.5, s.median());
        assertEquals(2.0, s.min());
        assertEquals(9.0, s.max());
        assertEquals(3.0, Summary.median(new double[] {5, 1, 3}));
    }

    @Test
    void nanValuesAreIgnored() {
        Summary s = Summary.of(new double[] {Double.NaN, 1, 3, Double.NaN});
        assertEquals(2, s.n());
        assertEquals(2.0, s.mean());
        assertEquals(12.7062 * Math.sqrt(2) / Math.sqrt(2), s.ci95(), 1e-12);
        Summary empty = Summary.of(new double[] {Double.NaN});
        assertEquals(0, empty.n());
        assertTrue(Double.isNaN(empty.mean()) && Double.isNaN(empty.median()));
        Summary one = Summary.of(new double[] {4});
        assertEquals(4.0, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ci95()));
    }

    @Test
    void tCriticalValues() {
        assertEquals(12.7062, Summary.tCritical95(1));
        assertEquals(2.0423, Summary.tCritical95(30));
        assertEquals(2.0211, Summary.tCritical95(40), 1e-12);
        assertEquals(1.9799, Summary.tCritical95(120), 1e-12);
        // scipy.stats.t.ppf(0.975, 50) = 2.0086, (0.975, 1000) = 1.9623: interpolation is close.
        assertEquals(2.0086, Summary.tCritical95(50), 2e-3);
        assertEquals(1.9623, Summary.tCritical95(1000), 1e-3);
        double previous = Double.POSITIVE_INFINITY;
        for (int df = 1; df < 2000; df++) {
            double t = Summary.tCritical95(df);
            assertTrue(t < previous && t > 1.96, "t(" + df + ") = " + t);
            previous = t;
        }
        assertThrows(IllegalArgumentException.class, () -> Summary.tCritical95(0));
    }
}
