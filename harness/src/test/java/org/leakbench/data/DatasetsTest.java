package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    @Test
    void namesTheDataSets() {
        assertEquals(
                List.of(
                        "fashion-mnist",
                        "mnist",
                        "fashion-mnist-subset",
                        "breast-cancer",
                        "cifar10",
                        "cifar100",
                        "natural-images",
                        "text-char",
                        "text-bpe",
                        "text-files-char",
                        "text-files-bpe"),
                Datasets.names());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Datasets.load("cifar-11", null));
        assertTrue(
                e.getMessage().contains("cifar-11") && e.getMessage().contains("fashion-mnist-subset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.locate(null, null));
    }

    @Test
    void bundledDataSetsAreAlwaysAvailable() {
        DatasetLocation subset = Datasets.locate(Datasets.FASHION_MNIST_SUBSET, null);
        assertTrue(subset.available());
        assertTrue(subset.location().startsWith("bundled: classpath:org/leakbench/data/"), subset.location());
        assertTrue(Datasets.locate(Datasets.BREAST_CANCER, null).available());
        assertEquals(Datasets.names().size(), Datasets.locateAll(null).size());
    }
}
