package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What every {@link Partitioner} promises; subclassed once per implementation. */
abstract class PartitionerContractTest {
    static final int CLASSES = 10;

    abstract Partitioner partitioner();

    /** 1,000 labels, 100 per class, in a scrambled order. */
    static int[] labels(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7) % CLASSES;
        }
        return labels;
    }

    @Test
    void coversEveryIndexExactlyOnceWithNoEmptyClient() {
        int[] labels = labels(1000);
        for (int clients : new int[] {1, 3, 10, 100}) {
            int[][] parts = partitioner().split(labels, CLASSES, clients, new SplittableRandom(11));
            assertEquals(clients, parts.length);
            boolean[] seen = new boolean[labels.length];
            int total = 0;
            for (int[] part : parts) {
                assertTrue(part.length > 0, "empty client with " + clients + " clients");
                for (int i = 0; i < part.length; i++) {
                    assertFalse(seen[part[i]], "index " + part[i] + " given twice");
                    seen[part[i]] = true;
                    if (i > 0) {
                        assertTrue(part[i - 1] < part[i], "client indices not ascending");
                    }
                }
                total += part.length;
            }
            assertEquals(labels.length, total);
        }
    }

    @Test
    void asManyClientsAsSamplesGivesOneEach() {
        int[] labels = labels(20);
        int[][] parts = partitioner().split(labels, CLASSES, 20, new SplittableRandom(3));
        for (int[] part : parts) {
            assertEquals(1, part.length);
        }
    }

    @Test
    void sameSeedSamePartitionOtherSeedOther() {
        int[] labels = labels(1000);
        int[][] a = partitioner().split(labels, CLASSES, 8, new SplittableRandom(5));
        int[][] b = partitioner().split(labels, CLASSES, 8, new SplittableRandom(5));
        int[][] c = partitioner().split(labels, CLASSES, 8, new SplittableRandom(6));
        assertTrue(Arrays.deepEquals(a, b));
        assertFalse(Arrays.deepEquals(a, c));
    }

    @Test
    void splitsADataSetByItsLabels() {
        Dataset data = BreastCancer.loadAll();
        int[][] viaDataset = partitioner().split(data, 4, new SplittableRandom(9));
        int[][] viaLabels = partitioner().split(data.labels(), 2, 4, new SplittableRandom(9));
        assertArrayEquals(viaLabels, viaDataset);
    }

    @Test
    void rejectsBadArguments() {
        int[] labels = labels(10);
        assertMessage("clients is 0", () -> partitioner().split(labels, CLASSES, 0, new SplittableRandom(1)));
        assertMessage("clients is 11", () -> partitioner().split(labels, CLASSES, 11, new SplittableRandom(1)));
        assertMessage("outside [0, 5)", () -> partitioner().split(labels, 5, 2, new SplittableRandom(1)));
        assertMessage("rng", () -> partitioner().split(labels, CLASSES, 2, null));
    }

    static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
