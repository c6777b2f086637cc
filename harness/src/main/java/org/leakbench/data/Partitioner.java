package org.leakbench.data;

import java.util.SplittableRandom;

/**
 * Spreads the indices of a data set over federated clients. {@code split} returns one index array per client;
 * together they cover every index exactly once, each array is sorted ascending and none is empty. The same
 * {@code rng} state gives the same partition.
 */
public interface Partitioner {
    int[][] split(int[] labels, int numClasses, int clients, SplittableRandom rng);

    /** Partitions a data set's indices. */
    default int[][] split(Dataset data, int clients, SplittableRandom rng) {
        return split(data.labels(), data.numClasses(), clients, rng);
    }
}
