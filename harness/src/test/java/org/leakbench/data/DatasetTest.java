package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTest {
    private static Dataset table(float[][] samples, int[] labels) {
        return new Dataset("toy", new int[] {2}, samples, labels, 2, List.of("a", "b"), Map.of("f", "00"));
    }

    @Test
    void reportsSizeShapeAndKind() {
        Dataset d = table(new float[][] {{1, 2}, {3, 4}, {5, 6}}, new int[] {0, 1, 1});
        assertEquals(3, d.size());
        assertEquals(2, d.featureCount());
        assertFalse(d.isImage());
        assertArrayEquals(new int[] {1, 2}, d.classCounts());
        Dataset image = new Dataset(
                "img", new int[] {1, 2, 3}, new float[][] {new float[6]}, new int[] {0}, 1, List.of("x"), Map.of());
        assertTrue(image.isImage());
        assertEquals(6, image.featureCount());
    }

    @Test
    void subsetPicksRowsInOrderAndKeepsProvenance() {
        float[][] samples = {{1, 2}, {3, 4}, {5, 6}};
        Dataset d = table(samples, new int[] {0, 1, 1});
        Dataset s = d.subset(new int[] {2, 0, 2});
        assertEquals(3, s.size());
        assertSame(samples[2], s.samples()[0]);
        assertArrayEquals(new int[] {1, 0, 1}, s.labels());
        assertEquals(d.fileSha256(), s.fileSha256());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> d.subset(new int[] {3}));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void sampleShapeIsCopied() {
        int[] shape = {2};
        Dataset d = new Dataset("toy", shape, new float[][] {{1, 2}}, new int[] {0}, 1, List.of("a"), Map.of());
        shape[0] = 5;
        d.sampleShape()[0] = 7;
        assertArrayEquals(new int[] {2}, d.sampleShape());
    }

    @Test
    void rejectsInconsistentParts() {
        assertMessage("labels", () -> table(new float[][] {{1, 2}}, new int[] {0, 1}));
        assertMessage("outside [0, 2)", () -> table(new float[][] {{1, 2}}, new int[] {2}));
        assertMessage("needs 2", () -> table(new float[][] {{1, 2, 3}}, new int[] {0}));
        assertMessage(
                "classNames",
                () -> new Dataset("toy", new int[] {2}, new float[0][], new int[0], 3, List.of("a"), Map.of()));
        assertMessage(
                "numClasses",
                () -> new Dataset("toy", new int[] {2}, new float[0][], new int[0], 0, List.of(), Map.of()));
        assertMessage(
                "dimension",
                () -> new Dataset("toy", new int[] {0}, new float[0][], new int[0], 1, List.of("a"), Map.of()));
    }

    @Test
    void splitNeedsMatchingShapes() {
        Dataset a = table(new float[][] {{1, 2}}, new int[] {0});
        Dataset b = new Dataset(
                "toy", new int[] {3}, new float[][] {{1, 2, 3}}, new int[] {0}, 2, List.of("a", "b"), Map.of());
        assertMessage("shape", () -> new DataSplit(a, b));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
