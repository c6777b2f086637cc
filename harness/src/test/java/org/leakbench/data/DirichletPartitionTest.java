package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirichletPartitionTest extends PartitionerContractTest {
    @Override
    Partitioner partitioner() {
        return new DirichletPartition(0.5);
    }

    @Test
    void labelSkewGrowsAsAlphaShrinks() {
        int[] labels = labels(2000);
        double[] alphas = {0.1, 1, 100};
        double[] entropy = new double[alphas.length];
        for (int a = 0; a < alphas.length; a++) {
            // average over a few seeds so the ordering is not one lucky draw
            for (int seed = 0; seed < 5; seed++) {
                int[][] parts =
                        new DirichletPartition(alphas[a]).split(labels, CLASSES, 10, new SplittableRandom(seed));
                entropy[a] += Partitions.meanLabelEntropy(parts, labels, CLASSES) / 5;
            }
        }
        assertTrue(
                entropy[0] < entropy[1] && entropy[1] < entropy[2],
                "entropy by alpha 0.1, 1, 100: " + java.util.Arrays.toString(entropy));
        assertTrue(entropy[0] < 1.2, "alpha 0.1 should leave clients with few classes: " + entropy[0]);
        assertTrue(entropy[2] > 2.2, "alpha 100 should be close to log(10) = 2.30: " + entropy[2]);
    }

    @Test
    void tinyAlphaWithManyClientsLeavesNoClientEmpty() {
        int[] labels = labels(200);
        int[][] parts = new DirichletPartition(0.01).split(labels, CLASSES, 150, new SplittableRandom(4));
        int total = 0;
        for (int[] part : parts) {
            assertTrue(part.length >= 1);
            total += part.length;
        }
        assertEquals(200, total);
    }

    @Test
    void rejectsNonPositiveAlpha() {
        assertMessage("alpha is 0.0", () -> new DirichletPartition(0));
        assertMessage("alpha is -1.0", () -> new DirichletPartition(-1));
        assertMessage("alpha is NaN", () -> new DirichletPartition(Double.NaN));
        assertMessage("alpha is Infinity", () -> new DirichletPartition(Double.POSITIVE_INFINITY));
    }

    @Test
    void gammaSamplerHasTheRightMean() {
        // Gamma(k, 1) has mean k; check both branches of the sampler (k < 1 and k >= 1)
        SplittableRandom rng = new SplittableRandom(8);
        for (double shape : new double[] {0.3, 2.5}) {
            double sum = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) {
                sum += GammaSampler.gamma(shape, rng);
            }
            assertEquals(shape, sum / n, 0.05 * shape + 0.01, "mean of Gamma(" + shape + ")");
        }
    }
}
