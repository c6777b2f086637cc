package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled {@code fashion-mnist-subset}: sizes, balance, value range, digests, and how it was taken. */
class BundledSubsetTest {
    private static final String PREFIX = "classpath:" + Datasets.SUBSET_RESOURCES + "/";
    // the digests listed in the README next to the resources
    private static final Map<String, String> SHA = Map.of(
            "train-images-idx3-ubyte.gz", "0dd10588209d3af419340044af05813cc05375bce28a2c7852fa05f2661f8799",
            "train-labels-idx1-ubyte.gz", "200f509b18b19a0fa19ee69a895edf0830258af3f502af1cc89844ea7e45b6a1",
            "t10k-images-idx3-ubyte.gz", "4b4c53b6967f7da6476cdd57a14485cc11004f8179ec7946ed8b60091b99ec14",
            "t10k-labels-idx1-ubyte.gz", "475dbc090541f7dbbbce775d491705321536d9110bf318a9b873f03f3e745cbb");

    private static DataSplit subset;

    @BeforeAll
    static void load() {
        subset = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null);
    }

    @Test
    void hasTheAdvertisedSizesAndShape() {
        assertEquals(2000, subset.train().size());
        assertEquals(500, subset.test().size());
        assertArrayEquals(new int[] {1, 28, 28}, subset.train().sampleShape());
        assertEquals(784, subset.train().featureCount());
        assertEquals(10, subset.train().numClasses());
        assertEquals(Datasets.FASHION_MNIST_CLASSES, subset.train().classNames());
        assertEquals(Datasets.FASHION_MNIST_SUBSET, subset.train().name());
    }

    @Test
    void isClassBalanced() {
        int[] train = new int[10];
        int[] test = new int[10];
        Arrays.fill(train, 200);
        Arrays.fill(test, 50);
        assertArrayEquals(train, subset.train().classCounts());
        assertArrayEquals(test, subset.test().classCounts());
    }

    @Test
    void pixelsAreScaledToUnitInterval() {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (Dataset d : new Dataset[] {subset.train(), subset.test()}) {
            for (float[] image : d.samples()) {
                for (float v : image) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
    }

    @Test
    void recordsTheDigestOfEveryBundledFile() {
        Map<String, String> recorded = new java.util.HashMap<>(subset.train().fileSha256());
        recorded.putAll(subset.test().fileSha256());
        assertEquals(4, recorded.size());
        SHA.forEach((file, sha) -> assertEquals(sha, recorded.get(PREFIX + file), file));
    }

    @Test
    void firstLabelsFollowFileOrder() {
        // the subset keeps the first images of each file, so it starts as the full release does
        assertFirstLabelsOfTheRelease(subset);
    }

    /** The first ten train and test labels of the original Fashion-MNIST files (Xiao et al. 2017 release). */
    static void assertFirstLabelsOfTheRelease(DataSplit split) {
        assertArrayEquals(
                new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5},
                Arrays.copyOf(split.train().labels(), 10));
        assertArrayEquals(
                new int[] {9, 2, 1, 1, 6, 1, 4, 6, 5, 7},
                Arrays.copyOf(split.test().labels(), 10));
    }

    @Test
    void equalsTheFirstImagesOfEachClassOfTheFullSet() {
        assumeTrue(
                IdxDatasetLoader.hasFiles(Datasets.FASHION_MNIST_SYSTEM_DIR),
                "full Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        DataSplit full = Datasets.load(Datasets.FASHION_MNIST, Datasets.FASHION_MNIST_SYSTEM_DIR);
        assertSelection(full.train(), subset.train(), 200);
        assertSelection(full.test(), subset.test(), 50);
    }

    private static void assertSelection(Dataset full, Dataset part, int perClass) {
        int[] taken = new int[full.numClasses()];
        int k = 0;
        for (int i = 0; i < full.size() && k < part.size(); i++) {
            int label = full.labels()[i];
            if (taken[label] < perClass) {
                taken[label]++;
                assertEquals(label, part.labels()[k], "label of subset item " + k);
                assertArrayEquals(full.samples()[i], part.samples()[k], "pixels of subset item " + k);
                k++;
            }
        }
        assertEquals(part.size(), k);
        assertTrue(Arrays.stream(taken).allMatch(t -> t == perClass));
    }
}
