package org.leakbench.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded stratified train/test split: within each class the indices are shuffled and the first
 * {@code round(trainFraction × classSize)} go to training, so both parts keep the class proportions.
 */
public final class StratifiedSplit {
    private StratifiedSplit() {}

    /**
     * Returns {@code {trainIndices, testIndices}}, each sorted ascending.
     *
     * @param trainFraction share of each class that goes to training, in (0, 1)
     */
    public static int[][] split(int[] labels, int numClasses, double trainFraction, SplittableRandom rng) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction is " + trainFraction + ", must be in (0, 1)");
        }
        int[][] byClass = Partitions.indicesByClass(labels, numClasses);
        int[] train = new int[labels.length];
        int[] test = new int[labels.length];
        int nTrain = 0;
        int nTest = 0;
        for (int[] members : byClass) {
            Partitions.shuffle(members, rng);
            int take = (int) Math.round(trainFraction * members.length);
            for (int i = 0; i < members.length; i++) {
                if (i < take) {
                    train[nTrain++] = members[i];
                } else {
                    test[nTest++] = members[i];
                }
            }
        }
        int[] trainIndices = Arrays.copyOf(train, nTrain);
        int[] testIndices = Arrays.copyOf(test, nTest);
        Arrays.sort(trainIndices);
        Arrays.sort(testIndices);
        return new int[][] {trainIndices, testIndices};
    }
}
