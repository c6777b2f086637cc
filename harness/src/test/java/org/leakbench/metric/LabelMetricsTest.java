package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelMetricsTest {

    @Test
    void plainAccuracy() {
        assertEquals(0.5, LabelMetrics.accuracy(new int[] {1, 2, 3, 4}, new int[] {1, 0, 3, 0}));
        assertEquals(1.0, LabelMetrics.accuracy(new int[] {9}, new int[] {9}));
    }

    @Test
    void accuracyAfterMatching() {
        int[] truth = {0, 1, 2};
        int[] recon = {2, 0, 1};
        assertEquals(1.0, LabelMetrics.matchedAccuracy(truth, recon, new int[] {1, 2, 0}));
        assertEquals(0.0, LabelMetrics.matchedAccuracy(truth, recon, new int[] {0, 1, 2}));
        assertEquals(1.0 / 3, LabelMetrics.matchedAccuracy(truth, recon, new int[] {1, -1, -1}), 1e-12);
    }

    @Test
    void multisetAccuracyIsOrderFree() {
        assertEquals(1.0, LabelMetrics.multisetAccuracy(new int[] {3, 1, 1, 2}, new int[] {1, 2, 3, 1}));
        assertEquals(2.0 / 3, LabelMetrics.multisetAccuracy(new int[] {1, 1, 2}, new int[] {1, 2, 2}), 1e-12);
        assertEquals(0.5, LabelMetrics.multisetAccuracy(new int[] {4, 4}, new int[] {4}));
        assertEquals(0.5, LabelMetrics.multisetAccuracy(new int[] {4, 5}, new int[] {4, 4, 4}));
        assertEquals(0.0, LabelMetrics.multisetAccuracy(new int[] {4, 5}, new int[0]));
    }

    @Test
    void argumentErrors() {
        assertThrows(IllegalArgumentException.class, () -> LabelMetrics.accuracy(new int[] {1}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> LabelMetrics.accuracy(new int[0], new int[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> LabelMetrics.matchedAccuracy(new int[] {1, 2}, new int[] {1}, new int[] {0}));
        assertThrows(
                IllegalArgumentException.class,
                () -> LabelMetrics.matchedAccuracy(new int[] {1}, new int[] {1}, new int[] {3}));
    }
}
