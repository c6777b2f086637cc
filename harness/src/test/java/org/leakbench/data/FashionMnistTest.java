package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and loading the full IDX data sets, and the errors when they are absent. */
class FashionMnistTest {
    private static final Map<String, String> DEBIAN_SHA = Map.of(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056");

    @TempDir
    Path dir;

    @Test
    void loadsTheInstalledDebianFiles() {
        Path system = Datasets.FASHION_MNIST_SYSTEM_DIR;
        assumeTrue(
                IdxDatasetLoader.hasFiles(system),
                "full Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        DataSplit split = Datasets.load(Datasets.FASHION_MNIST, system);
        assertEquals(60000, split.train().size());
        assertEquals(10000, split.test().size());
        assertArrayEquals(new int[] {1, 28, 28}, split.train().sampleShape());
        BundledSubsetTest.assertFirstLabelsOfTheRelease(split);
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        assertArrayEquals(sixThousand, split.train().classCounts());
        DEBIAN_SHA.forEach((file, sha) -> assertEquals(
                sha, split.train().fileSha256().get(system.resolve(file).toString()), file));
    }

    @Test
    void dataDirComesBeforeEnvironmentAndSystemDirectory() {
        IdxReaderTest.writeSet(dir, new int[][] {{1, 2, 3, 4, 5, 6}}, new int[] {7});
        Path other = dir.resolve("other");
        IdxReaderTest.writeSet(other, new int[][] {{1, 2, 3, 4, 5, 6}}, new int[] {3});
        DataSplit split = Datasets.load(Datasets.FASHION_MNIST, dir, 1, env(other));
        assertArrayEquals(new int[] {7}, split.train().labels());
        assertArrayEquals(new int[] {1, 2, 3}, split.train().sampleShape());
        split = Datasets.load(Datasets.FASHION_MNIST, null, 1, env(other));
        assertArrayEquals(new int[] {3}, split.train().labels());
        assertEquals(
                other.toAbsolutePath().normalize().toString(),
                Datasets.locate(Datasets.FASHION_MNIST, null, env(other)).location());
    }

    @Test
    void missingFashionMnistSaysWhereItLookedAndHowToGetIt() {
        Path nowhere = dir.resolve("nowhere");
        Path noSystemDir = dir.resolve("no-system-dir");
        IdxSources sources = Datasets.fashionSources(noSystemDir);
        DatasetNotFoundException e = assertThrows(
                DatasetNotFoundException.class,
                () -> sources.load(nowhere, env(dir.resolve("env-dir")), Datasets.FASHION_MNIST_CLASSES));
        String m = e.getMessage();
        for (String part : List.of(
                nowhere.toString(),
                dir.resolve("env-dir").toString(),
                noSystemDir.toString(),
                "$" + Datasets.FASHION_MNIST_ENV,
                "apt-get install dataset-fashion-mnist",
                "fashion-mnist-subset",
                "train-images-idx3-ubyte")) {
            assertTrue(m.contains(part), "'" + part + "' missing from: " + m);
        }
        DatasetLocation location = sources.locate(nowhere, env(null));
        assertFalse(location.available());
        assertTrue(location.location().contains(noSystemDir.toString()), location.location());
    }

    @Test
    void mnistComesOnlyFromDirectoryOrVariable() {
        DatasetNotFoundException e =
                assertThrows(DatasetNotFoundException.class, () -> Datasets.load(Datasets.MNIST, null, 1, env(null)));
        assertTrue(e.getMessage().contains(Datasets.MNIST_ENV), e.getMessage());
        assertFalse(Datasets.locate(Datasets.MNIST, null, env(null)).available());

        IdxReaderTest.writeSet(dir, new int[][] {{0, 0, 0, 0, 0, 255}}, new int[] {4});
        Function<String, String> withVariable = name -> name.equals(Datasets.MNIST_ENV) ? dir.toString() : null;
        DataSplit split = Datasets.load(Datasets.MNIST, null, 1, withVariable);
        assertEquals(Datasets.MNIST, split.test().name());
        assertEquals(Datasets.MNIST_CLASSES, split.test().classNames());
        assertEquals(1f, split.test().samples()[0][5]);
    }

    private static Function<String, String> env(Path fashionDir) {
        return name -> name.equals(Datasets.FASHION_MNIST_ENV) && fashionDir != null ? fashionDir.toString() : null;
    }
}
