package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leakbench.defense.dp.RdpAccountantTest.assertMessage;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The norm distribution a training reports: quantiles within a bin's width, whatever the order of arrival. */
class NormHistogramTest {
    @Test
    void quantilesAreWithinOneBinOfTheExactOnes() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] norms = new double[10_001];
        NormHistogram h = new NormHistogram();
        for (int i = 0; i < norms.length; i++) {
            norms[i] = Math.exp(6 * rng.nextDouble() - 3); // over six orders of e
            h.add(norms[i]);
        }
        double[] sorted = norms.clone();
        Arrays.sort(sorted);
        for (double p : new double[] {0.1, 0.5, 0.9, 1.0}) {
            double exact = sorted[(int) Math.ceil(p * sorted.length) - 1];
            assertEquals(exact, h.quantile(p), 0.012 * exact, "quantile " + p);
        }
        assertEquals(norms.length, h.count());
    }

    @Test
    void theOrderOfArrivalDoesNotMatter() {
        double[] norms = {5, 0.001, 3e7, 0, 2, 2, 17};
        NormHistogram forward = new NormHistogram();
        forward.addAll(norms);
        NormHistogram backward = new NormHistogram();
        for (int i = norms.length - 1; i >= 0; i--) {
            backward.add(norms[i]);
        }
        for (double p : new double[] {0, 0.2, 0.5, 0.8, 1}) {
            assertEquals(forward.quantile(p), backward.quantile(p));
        }
        assertEquals(0, forward.quantile(0.1), "zero norms have a bin of their own");
        assertEquals(2, forward.quantile(0.5), 0.012 * 2);
    }

    @Test
    void emptyIsNaNAndBadNormsAreRefused() {
        NormHistogram h = new NormHistogram();
        assertTrue(Double.isNaN(h.quantile(0.5)));
        assertMessage("norm", () -> h.add(-1));
        assertMessage("norm", () -> h.add(Double.NaN));
        assertMessage("quantile", () -> h.quantile(1.5));
    }
}
