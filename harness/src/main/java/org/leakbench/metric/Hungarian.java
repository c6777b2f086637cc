package org.leakbench.metric;

import java.util.Arrays;

/**
 * Minimum-cost assignment (the Hungarian method of Kuhn 1955 and Munkres 1957, in its O(n²·m) shortest
 * augmenting path form with row and column potentials).
 *
 * <p>Rows are assigned to distinct columns so that the sum of the chosen costs is minimal. Rectangular matrices
 * are allowed: with more columns than rows every row gets a column; with more rows than columns every column
 * gets a row and the remaining rows get {@code -1}.
 */
public final class Hungarian {
    private Hungarian() {}

    /**
     * Optimal assignment for a cost matrix.
     *
     * @param cost {@code cost[i][j]} is the cost of giving column j to row i; rectangular, finite values only
     * @return for every row its column, or {@code -1} if the row was left unassigned (only when there are more
     *         rows than columns)
     */
    public static int[] assign(double[][] cost) {
        int rows = check(cost);
        if (rows == 0) {
            return new int[0];
        }
        int cols = cost[0].length;
        if (rows <= cols) {
            return solve(cost, rows, cols);
        }
        // More rows than columns: assign every column to a row on the transposed problem, then invert.
        double[][] t = new double[cols][rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j][i] = cost[i][j];
            }
        }
        int[] colToRow = solve(t, cols, rows);
        int[] rowToCol = new int[rows];
        Arrays.fill(rowToCol, -1);
        for (int j = 0; j < cols; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return rowToCol;
    }

    /** Sum of the costs picked by an assignment ({@code -1} entries are skipped). */
    public static double totalCost(double[][] cost, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] >= 0) {
                sum += cost[i][assignment[i]];
            }
        }
        return sum;
    }

    private static int check(double[][] cost) {
        if (cost == null) {
            throw new IllegalArgumentException("cost matrix must not be null");
        }
        if (cost.length == 0) {
            return 0;
        }
        int cols = cost[0] == null ? -1 : cost[0].length;
        for (int i = 0; i < cost.length; i++) {
            if (cost[i] == null || cost[i].length != cols) {
                throw new IllegalArgumentException("cost matrix is not rectangular: row " + i + " has "
                        + (cost[i] == null ? "null" : cost[i].length + " columns") + ", row 0 has " + cols);
            }
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(cost[i][j])) {
                    throw new IllegalArgumentException(
                            "cost matrix entry [" + i + "][" + j + "] is not finite: " + cost[i][j]);
                }
            }
        }
        if (cols == 0) {
            throw new IllegalArgumentException("cost matrix has " + cost.length + " rows but no columns");
        }
        return cost.length;
    }

    /** Rows ≤ columns. Indices below are 1-based; column 0 is a virtual start column. */
    private static int[] solve(double[][] cost, int n, int m) {
        double[] rowPot = new double[n + 1];
        double[] colPot = new double[m + 1];
        int[] rowOfCol = new int[m + 1]; // 0 = column free
        int[] prevCol = new int[m + 1];
        double[] minSlack = new double[m + 1];
        boolean[] visited = new boolean[m + 1];
        for (int row = 1; row <= n; row++) {
            // Grow a tree of tight edges from the new row until it reaches a free column (Dijkstra-like).
            rowOfCol[0] = row;
            int col = 0;
            Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
            Arrays.fill(visited, false);
            do {
                visited[col] = true;
                int r = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= m; j++) {
                    if (visited[j]) {
                        continue;
                    }
                    double slack = cost[r - 1][j - 1] - rowPot[r] - colPot[j];
                    if (slack < minSlack[j]) {
                        minSlack[j] = slack;
                        prevCol[j] = col;
                    }
                    if (minSlack[j] < delta) {
                        delta = minSlack[j];
                        next = j;
                    }
                }
                // Shift potentials so the cheapest edge leaving the tree becomes tight.
                for (int j = 0; j <= m; j++) {
                    if (visited[j]) {
                        rowPot[rowOfCol[j]] += delta;
                        colPot[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                col = next;
            } while (rowOfCol[col] != 0);
            // Flip the augmenting path back to the start.
            do {
                int prev = prevCol[col];
                rowOfCol[col] = rowOfCol[prev];
                col = prev;
            } while (col != 0);
        }
        int[] result = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfCol[j] != 0) {
                result[rowOfCol[j] - 1] = j - 1;
            }
        }
        return result;
    }
}
