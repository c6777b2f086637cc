package org.leakbench.metric;

import java.util.Arrays;

/** Label recovery: accuracy after matching, and order-free recovery of the label multiset. */
public final class LabelMetrics {
    private LabelMetrics() {}

    /** Fraction of positions where the predicted label equals the true label; both arrays have one length. */
    public static double accuracy(int[] trueLabels, int[] predictedLabels) {
        checkNotEmpty(trueLabels, predictedLabels);
        if (trueLabels.length != predictedLabels.length) {
            throw new IllegalArgumentException("label accuracy: " + trueLabels.length + " true labels but "
                    + predictedLabels.length + " predicted labels");
        }
        int hits = 0;
        for (int i = 0; i < trueLabels.length; i++) {
            if (trueLabels[i] == predictedLabels[i]) {
                hits++;
            }
        }
        return hits / (double) trueLabels.length;
    }

    /**
     * Accuracy after batch matching: sample i is right when {@code reconLabels[matching[i]] == trueLabels[i]};
     * a sample without a match ({@code -1}) counts as wrong. The denominator is the number of true samples.
     */
    public static double matchedAccuracy(int[] trueLabels, int[] reconLabels, int[] matching) {
        checkNotEmpty(trueLabels, reconLabels);
        if (matching == null || matching.length != trueLabels.length) {
            throw new IllegalArgumentException("label accuracy: matching has "
                    + (matching == null ? "null" : matching.length + " entries") + ", expected "
                    + trueLabels.length + " (one per true label)");
        }
        int hits = 0;
        for (int i = 0; i < trueLabels.length; i++) {
            int j = matching[i];
            if (j >= reconLabels.length) {
                throw new IllegalArgumentException("label accuracy: matching[" + i + "] = " + j + " but there are only "
                        + reconLabels.length + " reconstructed labels");
            }
            if (j >= 0 && reconLabels[j] == trueLabels[i]) {
                hits++;
            }
        }
        return hits / (double) trueLabels.length;
    }

    /**
     * Order-free label-count recovery: the size of the multiset intersection of true and recovered labels
     * divided by the number of true labels. E.g. truth {1, 1, 2}, recovered {1, 2, 2} gives 2/3.
     */
    public static double multisetAccuracy(int[] trueLabels, int[] recoveredLabels) {
        checkNotEmpty(trueLabels, recoveredLabels);
        int[] t = trueLabels.clone();
        int[] r = recoveredLabels.clone();
        Arrays.sort(t);
        Arrays.sort(r);
        int i = 0, j = 0, common = 0;
        while (i < t.length && j < r.length) {
            if (t[i] == r[j]) {
                common++;
                i++;
                j++;
            } else if (t[i] < r[j]) {
                i++;
            } else {
                j++;
            }
        }
        return common / (double) t.length;
    }

    private static void checkNotEmpty(int[] trueLabels, int[] other) {
        if (trueLabels == null || other == null) {
            throw new IllegalArgumentException("label accuracy: label arrays must not be null");
        }
        if (trueLabels.length == 0) {
            throw new IllegalArgumentException("label accuracy: no true labels");
        }
    }
}
