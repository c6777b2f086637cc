package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IidPartitionTest extends PartitionerContractTest {
    @Override
    Partitioner partitioner() {
        return new IidPartition();
    }

    @Test
    void sizesDifferByAtMostOne() {
        int[][] parts = partitioner().split(labels(1003), CLASSES, 10, new SplittableRandom(2));
        for (int c = 0; c < 10; c++) {
            assertEquals(c < 3 ? 101 : 100, parts[c].length, "client " + c);
        }
    }

    @Test
    void clientsSeeMixedLabels() {
        int[] labels = labels(1000);
        int[][] parts = partitioner().split(labels, CLASSES, 10, new SplittableRandom(2));
        // 100 random samples of 10 balanced classes: entropy close to log(10) = 2.30
        assertTrue(Partitions.meanLabelEntropy(parts, labels, CLASSES) > 2.1);
    }
}
