package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianTest {

    /** Minimum total cost over all injective maps of the smaller side into the larger, by enumeration. */
    private static double bruteForce(double[][] cost) {
        int rows = cost.length;
        int cols = cost[0].length;
        if (rows <= cols) {
            return search(cost, 0, new boolean[cols]);
        }
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = cost[i][j];
            }
        }
        return search(t, 0, new boolean[rows]);
    }

    private static double search(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + search(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private static void assertValid(int[] assignment, int rows, int cols) {
        assertEquals(rows, assignment.length);
        Set<Integer> seen = new HashSet<>();
        int assigned = 0;
        for (int j : assignment) {
            if (j >= 0) {
                assertTrue(j < cols, "column out of range: " + j);
                assertTrue(seen.add(j), "column used twice: " + j);
                assigned++;
            }
        }
        assertEquals(Math.min(rows, cols), assigned);
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + rnd.nextInt(6);
            int cols = 1 + rnd.nextInt(6);
            boolean integer = trial % 3 == 0; // integer costs create many ties
            double[][] cost = new double[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    cost[i][j] = integer ? rnd.nextInt(4) : rnd.nextDouble() * 10 - 3;
                }
            }
            int[] a = Hungarian.assign(cost);
            assertValid(a, rows, cols);
            assertEquals(
                    bruteForce(cost),
                    Hungarian.totalCost(cost, a),
                    1e-9,
                    "trial " + trial + " (" + rows + "×" + cols + ")");
        }
    }

    @Test
    void knownSmallCase() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // Optimum 1 + 2 + 2 = 5: row 0 -> 1, row 1 -> 0, row 2 -> 2.
        assertArrayEquals(new int[] {1, 0, 2}, Hungarian.assign(cost));
    }

    @Test
    void moreRowsThanColumnsLeavesRowsUnassigned() {
        double[][] cost = {{5, 9}, {1, 8}, {7, 0}};
        assertArrayEquals(new int[] {-1, 0, 1}, Hungarian.assign(cost));
    }

    @Test
    void emptyAndInvalidMatrices() {
        assertEquals(0, Hungarian.assign(new double[0][]).length);
        assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(new double[][] {{1, 2}, {3}}));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(new double[][] {{1, Double.NaN}}));
        assertTrue(e.getMessage().contains("[0][1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(new double[][] {{}}));
        assertThrows(IllegalArgumentException.class, () -> Hungarian.assign(null));
    }
}
