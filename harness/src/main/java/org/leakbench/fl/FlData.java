package org.leakbench.fl;

import java.util.Arrays;
import org.leakbench.update.ClientData;

/**
 * The data of a federated run: training rows shared out by a partition (one index list per client) and a
 * held-out test set for utility. Rows are flattened samples; the model reshapes them.
 */
public record FlData(
        float[][] trainSamples, int[] trainLabels, int[][] partition, float[][] testSamples, int[] testLabels) {
    public FlData {
        if (trainSamples == null || trainLabels == null || trainSamples.length != trainLabels.length) {
            throw new IllegalArgumentException("fl data: need one label per training row, got "
                    + (trainSamples == null ? "null" : trainSamples.length) + " rows and "
                    + (trainLabels == null ? "null" : trainLabels.length) + " labels");
        }
        if (testSamples == null || testLabels == null || testSamples.length != testLabels.length) {
            throw new IllegalArgumentException("fl data: need one label per test row, got "
                    + (testSamples == null ? "null" : testSamples.length) + " rows and "
                    + (testLabels == null ? "null" : testLabels.length) + " labels");
        }
        if (partition == null || partition.length == 0) {
            throw new IllegalArgumentException("fl data: the partition must list at least one client");
        }
        for (int c = 0; c < partition.length; c++) {
            if (partition[c] == null || partition[c].length == 0) {
                throw new IllegalArgumentException("fl data: client " + c + " has no rows in the partition");
            }
            for (int i : partition[c]) {
                if (i < 0 || i >= trainSamples.length) {
                    throw new IllegalArgumentException(
                            "fl data: client " + c + " lists row " + i + ", outside [0, " + trainSamples.length + ")");
                }
            }
        }
    }

    public int clients() {
        return partition.length;
    }

    /** The rows of one client. */
    public ClientData client(int id) {
        return new ClientData(id, trainSamples, trainLabels, partition[id]);
    }

    /** An IID split: rows shuffled with a seed and dealt into {@code clients} nearly equal parts. */
    public static int[][] iidPartition(int rows, int clients, long seed) {
        if (clients < 1 || clients > rows) {
            throw new IllegalArgumentException(
                    "iid partition: clients must be in [1, rows=" + rows + "], got " + clients);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[][] parts = new int[clients][];
        for (int c = 0; c < clients; c++) {
            int from = (int) ((long) rows * c / clients);
            int to = (int) ((long) rows * (c + 1) / clients);
            parts[c] = Arrays.copyOfRange(order, from, to);
            Arrays.sort(parts[c]);
        }
        return parts;
    }
}
