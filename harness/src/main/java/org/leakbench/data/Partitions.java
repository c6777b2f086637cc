package org.leakbench.data;

import java.util.SplittableRandom;

/** Helpers shared by the partitioners and splits: argument checks, shuffling, grouping and label entropy. */
public final class Partitions {
    private Partitions() {}

    /** Checks the arguments every partitioner takes; labels must lie in [0, numClasses). */
    static void validate(int[] labels, int numClasses, int clients, SplittableRandom rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses is " + numClasses + ", must be >= 1");
        }
        if (clients < 1) {
            throw new IllegalArgumentException("clients is " + clients + ", must be >= 1");
        }
        if (clients > labels.length) {
            throw new IllegalArgumentException("clients is " + clients + ", must be <= the number of samples ("
                    + labels.length + ") so that no client is empty");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException(
                        "label " + labels[i] + " of sample " + i + " is outside [0, " + numClasses + ")");
            }
        }
    }

    /** Fisher–Yates shuffle in place. */
    static void shuffle(int[] values, SplittableRandom rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** The indices of each class, ascending. */
    static int[][] indicesByClass(int[] labels, int numClasses) {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException("label " + label + " is outside [0, " + numClasses + ")");
            }
            counts[label]++;
        }
        int[][] byClass = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        return byClass;
    }

    /**
     * Mean over clients of the Shannon entropy (nats) of each client's label distribution: log(numClasses) for
     * perfectly mixed clients, 0 when every client holds a single class. A summary of label skew.
     */
    public static double meanLabelEntropy(int[][] partition, int[] labels, int numClasses) {
        double total = 0;
        for (int[] client : partition) {
            int[] counts = new int[numClasses];
            for (int index : client) {
                counts[labels[index]]++;
            }
            double entropy = 0;
            for (int count : counts) {
                if (count > 0) {
                    double p = (double) count / client.length;
                    entropy -= p * Math.log(p);
                }
            }
            total += entropy;
        }
        return total / partition.length;
    }
}
