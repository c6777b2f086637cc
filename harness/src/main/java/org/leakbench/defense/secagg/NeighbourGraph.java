package org.leakbench.defense.secagg;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Who shares secrets and pairwise masks with whom. SecAgg (Bonawitz et al.) uses the complete graph. SecAgg+
 * (Bell et al., CCS 2020) uses a random k-regular circulant graph: clients are placed on a ring in a random
 * order and each is joined to the k/2 clients on either side. Bell et al. show k = O(log n) suffices;
 * {@link #defaultDegree(int)} uses k = 2 * ceil(1.5 * log2 n) (an even number, 30 for n = 1000), capped at n - 1.
 */
public final class NeighbourGraph {
    private final int size;
    private final int[][] neighbours;

    private NeighbourGraph(int size, int[][] neighbours) {
        this.size = size;
        this.neighbours = neighbours;
    }

    /** Every client is a neighbour of every other. */
    public static NeighbourGraph complete(int n) {
        checkSize(n);
        int[][] nb = new int[n][];
        for (int u = 0; u < n; u++) {
            int[] row = new int[n - 1];
            for (int v = 0, k = 0; v < n; v++) {
                if (v != u) {
                    row[k++] = v;
                }
            }
            nb[u] = row;
        }
        return new NeighbourGraph(n, nb);
    }

    /**
     * A random circulant graph of even degree k; k >= n - 1 gives the complete graph.
     *
     * @param random public randomness (the server chooses the graph; its secrecy does not matter)
     */
    public static NeighbourGraph circulant(int n, int k, SplittableRandom random) {
        checkSize(n);
        if (k < 2 || k % 2 != 0) {
            throw new IllegalArgumentException("SecAgg+ neighbour count k must be even and >= 2, got " + k);
        }
        if (k >= n - 1) {
            return complete(n);
        }
        int[] ring = new int[n];
        for (int i = 0; i < n; i++) {
            ring[i] = i;
        }
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int tmp = ring[i];
            ring[i] = ring[j];
            ring[j] = tmp;
        }
        int[][] nb = new int[n][];
        for (int pos = 0; pos < n; pos++) {
            int[] row = new int[k];
            for (int d = 1; d <= k / 2; d++) {
                row[2 * d - 2] = ring[(pos + d) % n];
                row[2 * d - 1] = ring[(pos - d + n) % n];
            }
            Arrays.sort(row);
            nb[ring[pos]] = row;
        }
        return new NeighbourGraph(n, nb);
    }

    /** k = 2 * ceil(1.5 * log2 n), at least 2 and at most n - 1 rounded down to even. */
    public static int defaultDegree(int n) {
        checkSize(n);
        int k = 2 * (int) Math.ceil(1.5 * Math.log(n) / Math.log(2));
        return Math.max(2, Math.min(k, n - 1 - ((n - 1) % 2)));
    }

    public int size() {
        return size;
    }

    /** Sorted neighbour ids of {@code u}, excluding u itself. */
    public int[] neighbours(int u) {
        return neighbours[u].clone();
    }

    public boolean adjacent(int u, int v) {
        return u != v && Arrays.binarySearch(neighbours[u], v) >= 0;
    }

    /** Those who hold shares of u's secrets: its neighbours and u itself, sorted. */
    public int[] shareHolders(int u) {
        int[] nb = neighbours[u];
        int[] holders = Arrays.copyOf(nb, nb.length + 1);
        holders[nb.length] = u;
        Arrays.sort(holders);
        return holders;
    }

    /** Size of the largest share-holder group (k + 1, or n for the complete graph). */
    public int groupSize() {
        int max = 0;
        for (int[] row : neighbours) {
            max = Math.max(max, row.length + 1);
        }
        return max;
    }

    private static void checkSize(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("secure aggregation needs at least 2 clients, got " + n);
        }
    }
}
