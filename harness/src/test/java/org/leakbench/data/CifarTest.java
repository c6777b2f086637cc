package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading CIFAR-10 and CIFAR-100 in their binary format, from small files written here. */
class CifarTest {
    private static final Function<String, String> NO_ENV = k -> null;

    @TempDir
    Path dir;

    @Test
    void readsCifar10RecordsWithTheRedPlaneFirst() {
        CifarFiles.cifar10(dir.resolve("cifar-10-batches-bin"));
        DataSplit split = Datasets.load(Datasets.CIFAR10, dir, 1, NO_ENV);
        assertArrayEquals(new int[] {3, 32, 32}, split.train().sampleShape());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, split.train().labels());
        assertArrayEquals(new int[] {9, 0}, split.test().labels());
        assertEquals(10, split.train().numClasses());
        assertEquals("truck", split.test().classNames().get(9));
        float[] first = split.train().samples()[0];
        // channel c, row y, column x sits at c*1024 + y*32 + x, as in the file
        for (int p : new int[] {0, 31, 32, 1023, 1024, 2047, 2048, 3071}) {
            assertEquals(CifarFiles.pixel(0, p) / 255f, first[p], "pixel " + p);
        }
        assertEquals(80 / 255f, first[1024]); // green plane starts after 1,024 red values
        assertEquals(160 / 255f, first[2048]);
        assertEquals(CifarFiles.pixel(1, 5) / 255f, split.test().samples()[1][5]);
    }

    @Test
    void recordsTheChecksumOfEveryFileRead() {
        Path folder = dir.resolve("cifar-10-batches-bin");
        CifarFiles.cifar10(folder);
        CifarFiles.writeText(folder.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        DataSplit split = Datasets.load(Datasets.CIFAR10, dir, 1, NO_ENV);
        Map<String, String> train = split.train().fileSha256();
        assertEquals(6, train.size(), train.toString());
        for (int b = 1; b <= 5; b++) {
            Path file = folder.resolve("data_batch_" + b + ".bin");
            assertEquals(Sha256.of(file), train.get(file.toAbsolutePath().toString()), file.toString());
        }
        Path meta = folder.resolve("batches.meta.txt");
        assertEquals(Sha256.of(meta), train.get(meta.toAbsolutePath().toString()));
        Path test = folder.resolve("test_batch.bin");
        assertEquals(
                List.of(test.toAbsolutePath().toString(), meta.toAbsolutePath().toString()),
                List.copyOf(split.test().fileSha256().keySet()));
        assertEquals(
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
                split.train().classNames());
    }

    @Test
    void readsTheFineLabelOfCifar100() {
        CifarFiles.cifar100(dir);
        DataSplit split = Datasets.load(Datasets.CIFAR100, null, 1, env(Cifar.CIFAR100_ENV, dir));
        assertArrayEquals(new int[] {99, 42, 0}, split.train().labels());
        assertArrayEquals(new int[] {57}, split.test().labels());
        assertEquals(100, split.train().numClasses());
        assertEquals("apple", split.train().classNames().get(0));
        assertEquals("worm", split.train().classNames().get(99));
        // two label bytes: pixels start at offset 2
        assertEquals(CifarFiles.pixel(2, 3071) / 255f, split.train().samples()[2][3071]);
        CifarFiles.writeText(dir.resolve("fine_label_names.txt"), names(100));
        assertEquals(
                "class99",
                Datasets.load(Datasets.CIFAR100, dir, 1, NO_ENV)
                        .test()
                        .classNames()
                        .get(99));
    }

    @Test
    void dataDirComesBeforeTheEnvironmentVariable() {
        CifarFiles.cifar10(dir.resolve("given"));
        Path other = dir.resolve("other");
        CifarFiles.cifar10(other.resolve("cifar-10-batches-bin"));
        Function<String, String> environment = env(Cifar.CIFAR10_ENV, other);
        DatasetLocation given = Datasets.locate(Datasets.CIFAR10, dir.resolve("given"), environment);
        assertEquals(dir.resolve("given").toAbsolutePath().normalize().toString(), given.location());
        DatasetLocation fromEnv = Datasets.locate(Datasets.CIFAR10, null, environment);
        assertEquals(
                other.resolve("cifar-10-batches-bin")
                        .toAbsolutePath()
                        .normalize()
                        .toString(),
                fromEnv.location());
        assertTrue(fromEnv.available());
    }

    @Test
    void missingFolderSaysWhereItLookedAndWhichVariableToSet() {
        DatasetLocation none = Datasets.locate(Datasets.CIFAR100, dir, NO_ENV);
        assertFalse(none.available());
        DatasetNotFoundException e =
                assertThrows(DatasetNotFoundException.class, () -> Datasets.load(Datasets.CIFAR100, dir, 1, NO_ENV));
        assertTrue(e.getMessage().contains(dir.resolve("cifar-100-binary").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("$LEAKBENCH_CIFAR100"), e.getMessage());
        assertTrue(e.getMessage().contains("train.bin"), e.getMessage());
        e = assertThrows(DatasetNotFoundException.class, () -> Datasets.load(Datasets.CIFAR10, null, 1, NO_ENV));
        assertTrue(e.getMessage().contains("$LEAKBENCH_CIFAR10 is not set"), e.getMessage());
    }

    @Test
    void truncatedFileNamesTheFileAndOffset() {
        CifarFiles.cifar10(dir);
        byte[] two = CifarFiles.records(new int[][] {{1}, {2}});
        CifarFiles.write(dir.resolve("data_batch_3.bin"), java.util.Arrays.copyOf(two, two.length - 1));
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> Datasets.load(Datasets.CIFAR10, dir, 1, NO_ENV));
        assertTrue(e.getMessage().contains("data_batch_3.bin is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("6145 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset 3073"), e.getMessage());
    }

    @Test
    void labelOutOfRangeNamesTheFileAndOffset() {
        CifarFiles.cifar10(dir);
        CifarFiles.write(dir.resolve("test_batch.bin"), CifarFiles.records(new int[][] {{3}, {10}}));
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> Datasets.load(Datasets.CIFAR10, dir, 1, NO_ENV));
        assertTrue(e.getMessage().contains("label 10 at byte offset 3073 of"), e.getMessage());
        assertTrue(e.getMessage().contains("test_batch.bin"), e.getMessage());
        CifarFiles.cifar100(dir);
        CifarFiles.write(dir.resolve("train.bin"), CifarFiles.records(new int[][] {{1, 2}, {1, 100}}));
        e = assertThrows(DataFormatException.class, () -> Datasets.load(Datasets.CIFAR100, dir, 1, NO_ENV));
        assertTrue(e.getMessage().contains("label 100 at byte offset 3075 of"), e.getMessage());
    }

    @Test
    void classNameFileWithTheWrongCountIsRefused() {
        CifarFiles.cifar10(dir);
        CifarFiles.writeText(dir.resolve("batches.meta.txt"), "airplane\nautomobile\n");
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> Datasets.load(Datasets.CIFAR10, dir, 1, NO_ENV));
        assertTrue(e.getMessage().contains("batches.meta.txt names 2 classes, expected 10"), e.getMessage());
    }

    @Test
    void builtInClassListsHaveOneNamePerClass() {
        assertEquals(10, Cifar.CIFAR10_CLASSES.size());
        assertEquals(100, Cifar.CIFAR100_CLASSES.size());
        assertEquals(100, new java.util.HashSet<>(Cifar.CIFAR100_CLASSES).size());
    }

    private static Function<String, String> env(String variable, Path value) {
        return k -> k.equals(variable) ? value.toString() : null;
    }

    private static String names(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("class").append(i).append('\n');
        }
        return sb.toString();
    }
}
