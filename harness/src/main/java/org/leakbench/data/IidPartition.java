package org.leakbench.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * IID partition: shuffle all indices and cut them into {@code clients} contiguous parts whose sizes differ by at
 * most one (the first {@code n mod clients} clients get the extra sample).
 */
public final class IidPartition implements Partitioner {
    @Override
    public int[][] split(int[] labels, int numClasses, int clients, SplittableRandom rng) {
        Partitions.validate(labels, numClasses, clients, rng);
        int n = labels.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Partitions.shuffle(order, rng);
        int[][] parts = new int[clients][];
        int base = n / clients;
        int extra = n % clients;
        int start = 0;
        for (int c = 0; c < clients; c++) {
            int size = base + (c < extra ? 1 : 0);
            parts[c] = Arrays.copyOfRange(order, start, start + size);
            Arrays.sort(parts[c]);
            start += size;
        }
        return parts;
    }

    @Override
    public String toString() {
        return "iid";
    }
}
