package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakbench.data.Dataset;

class VictimDrawTest {
    private static final Dataset TEST = dataset(500);

    @Test
    void oneVictimIsTheBatchAtImage() {
        assertArrayEquals(new int[] {7, 8, 9}, VictimDraw.indices(TEST, 3, 7, 1, 0, 42));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> VictimDraw.indices(TEST, 4, 498, 1, 0, 1));
        assertEquals("image 498 with batch 4 runs past the 500 test samples of t", e.getMessage());
    }

    @Test
    void drawnVictimsAreDisjointReproducibleAndIndependentOfTheirCount() {
        Set<Integer> seen = new HashSet<>();
        for (int v = 0; v < 16; v++) {
            int[] idx = VictimDraw.indices(TEST, 4, 0, 16, v, 1);
            assertArrayEquals(idx, VictimDraw.indices(TEST, 4, 0, 16, v, 1), "same seed, same victim");
            assertArrayEquals(idx, VictimDraw.indices(TEST, 4, 0, 100, v, 1), "victim v does not depend on N");
            Arrays.stream(idx).forEach(i -> assertTrue(seen.add(i), "index " + i + " drawn twice"));
            Arrays.stream(idx).forEach(i -> assertTrue(i >= 0 && i < 500));
        }
        assertFalse(
                Arrays.equals(VictimDraw.indices(TEST, 4, 0, 16, 0, 1), VictimDraw.indices(TEST, 4, 0, 16, 0, 2)),
                "another seed draws other victims");
    }

    @Test
    void drawnVictimsSpreadOverTheSplit() {
        // 100 single-image victims of a 500-image split are not the first 100.
        int max = 0;
        for (int v = 0; v < 100; v++) {
            max = Math.max(max, VictimDraw.indices(TEST, 1, 0, 100, v, 5)[0]);
        }
        assertTrue(max > 400, "largest drawn index " + max);
    }

    @Test
    void badRequestsAreNamed() {
        IllegalArgumentException image =
                assertThrows(IllegalArgumentException.class, () -> VictimDraw.indices(TEST, 1, 7, 16, 0, 1));
        assertEquals(
                "image 7 picks one victim, but victims is 16 (drawn from the test split); set victims: 1 or "
                        + "leave image out",
                image.getMessage());
        IllegalArgumentException many =
                assertThrows(IllegalArgumentException.class, () -> VictimDraw.indices(TEST, 32, 0, 16, 0, 1));
        assertEquals("victims 16 of batch 32 need 512 distinct test samples; t has 500", many.getMessage());
    }

    private static Dataset dataset(int n) {
        float[][] x = new float[n][1];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            y[i] = i % 10;
        }
        java.util.List<String> names = java.util.stream.IntStream.range(0, 10)
                .mapToObj(Integer::toString)
                .toList();
        return new Dataset("t", new int[] {1}, x, y, 10, names, java.util.Map.of());
    }
}
