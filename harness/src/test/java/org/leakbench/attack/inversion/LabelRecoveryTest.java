package org.leakbench.attack.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** The batch label-count estimate stays a batch-sized answer whatever the output-bias gradient holds. */
class LabelRecoveryTest {
    static List<Tensor> bias(double... g) {
        return List.of(Backends.get("ejml").fromArray(g, DType.F32, g.length));
    }

    @Test
    void readsCountsOffTheBiasGradient() {
        // Mean bias gradient p̄ − n/B with p̄ = 1/4 and counts (2, 0, 1, 1) in a batch of 4.
        int[] labels = LabelRecovery.batchLabels(bias(0.25 - 0.5, 0.25, 0.25 - 0.25, 0.25 - 0.25), 4);
        assertArrayEquals(new int[] {0, 0, 2, 3}, labels);
    }

    @Test
    void aHugeOrInfiniteEntryStillGivesOneLabelPerSampleAtOnce() {
        // Before the clamp, −1e30 asked for 2^31 − 1 samples of class 0 and overflowed the count (an index out of
        // bounds), and −∞ took two billion steps to count back down to the batch.
        for (double extreme : new double[] {-1e30, Double.NEGATIVE_INFINITY, 1e30, Double.NaN}) {
            int[] labels = assertTimeoutPreemptively(
                    Duration.ofSeconds(2),
                    () -> LabelRecovery.batchLabels(bias(extreme, 0.1, -0.2, 0.0), 3),
                    "entry " + extreme);
            assertEquals(3, labels.length, "entry " + extreme);
        }
    }
}
