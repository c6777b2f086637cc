package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BreastCancerTest {
    private static final String SHA = "59db8fce5c2a76ef77e3c287936c034f9f7d61739f69c63bf6755cba7f79b0e8";

    @Test
    void wholeTableHasTheDocumentedCounts() {
        Dataset all = BreastCancer.loadAll();
        assertEquals(569, all.size());
        assertEquals(30, all.featureCount());
        assertFalse(all.isImage());
        // 212 malignant (label 1), 357 benign (label 0), as documented by the UCI repository
        assertArrayEquals(new int[] {357, 212}, all.classCounts());
        assertEquals(1, all.labels()[0]); // the first row is malignant
        assertEquals(17.99f, all.samples()[0][0]); // mean_radius of the first row
        assertEquals(SHA, all.fileSha256().get("classpath:" + BreastCancer.RESOURCE));
    }

    @Test
    void splitIsStratifiedAndCoversEveryRow() {
        DataSplit split = Datasets.load(Datasets.BREAST_CANCER, null);
        assertEquals(569, split.train().size() + split.test().size());
        // round(0.7 x 357) = 250 benign and round(0.7 x 212) = 148 malignant go to training
        assertArrayEquals(new int[] {250, 148}, split.train().classCounts());
        assertArrayEquals(new int[] {107, 64}, split.test().classCounts());
    }

    @Test
    void trainingFeaturesAreStandardised() {
        Dataset train = Datasets.load(Datasets.BREAST_CANCER, null).train();
        double[][] moments = moments(train.samples());
        for (int j = 0; j < 30; j++) {
            assertEquals(0, moments[0][j], 1e-5, "mean of feature " + j);
            assertEquals(1, moments[1][j], 1e-4, "std of feature " + j);
        }
    }

    @Test
    void testFeaturesUseTrainingStatistics() {
        long seed = 7;
        Dataset all = BreastCancer.loadAll();
        int[][] parts =
                StratifiedSplit.split(all.labels(), 2, Datasets.TRAIN_FRACTION, new java.util.SplittableRandom(seed));
        Standardizer fromTrain = Standardizer.fit(all.subset(parts[0]));
        DataSplit split = Datasets.load(Datasets.BREAST_CANCER, null, seed);
        float[][] expected = fromTrain.transform(all.subset(parts[1]).samples());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], split.test().samples()[i], "test row " + i);
        }
        // the test part is not itself centred exactly: its statistics were not used
        double[][] testMoments = moments(split.test().samples());
        assertTrue(Arrays.stream(testMoments[0]).anyMatch(m -> Math.abs(m) > 1e-3));
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        DataSplit a = Datasets.load(Datasets.BREAST_CANCER, null, 1);
        DataSplit b = Datasets.load(Datasets.BREAST_CANCER, null, 1);
        DataSplit c = Datasets.load(Datasets.BREAST_CANCER, null, 2);
        assertTrue(Arrays.deepEquals(a.train().samples(), b.train().samples()));
        assertFalse(Arrays.deepEquals(a.train().samples(), c.train().samples()));
    }

    /** Per-column mean and population standard deviation. */
    static double[][] moments(float[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / (double) rows.length;
            }
        }
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.length;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j]);
        }
        return new double[][] {mean, std};
    }
}
