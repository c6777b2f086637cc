package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    private static final int[][] IMAGES = {{0, 255, 51, 102, 0, 1}, {255, 255, 0, 0, 204, 7}, {3, 4, 5, 6, 7, 8}};
    private static final int[] LABELS = {2, 0, 1};

    @TempDir
    Path dir;

    @Test
    void roundTripsPlainAndGzip() {
        for (boolean gzip : new boolean[] {false, true}) {
            Path images = dir.resolve("img" + gzip);
            Path labels = dir.resolve("lab" + gzip);
            IdxWriter.write(images, IdxWriter.images(2, 3, IMAGES, gzip));
            IdxWriter.write(labels, IdxWriter.labels(LABELS, gzip));
            IdxImages read = IdxReader.readImages(images);
            assertEquals(3, read.count());
            assertEquals(2, read.rows());
            assertEquals(3, read.columns());
            assertArrayEquals(new float[] {0, 1, 0.2f, 0.4f, 0, 1 / 255f}, read.pixels()[0], 1e-7f);
            assertEquals(8 / 255f, read.pixels()[2][5], 1e-7f);
            assertArrayEquals(LABELS, IdxReader.readLabels(labels));
        }
    }

    @Test
    void detectsGzipByContentNotName() {
        Path misnamed = dir.resolve("labels.gz");
        IdxWriter.write(misnamed, IdxWriter.labels(LABELS, false));
        assertArrayEquals(LABELS, IdxReader.readLabels(misnamed));
        Path compressedNoSuffix = dir.resolve("labels-raw");
        IdxWriter.write(compressedNoSuffix, IdxWriter.labels(LABELS, true));
        assertArrayEquals(LABELS, IdxReader.readLabels(compressedNoSuffix));
    }

    @Test
    void wrongMagicNamesFileAndOffset() {
        Path file = dir.resolve("labels-as-images");
        IdxWriter.write(file, IdxWriter.labels(LABELS, false));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertMentions(e, file, "wrong magic number 0x00000801", "offset 0", "0x00000803");
    }

    @Test
    void truncatedHeaderNamesFileAndOffset() {
        byte[] full = IdxWriter.images(2, 3, IMAGES, false);
        Path file = dir.resolve("short-header");
        IdxWriter.write(file, Arrays.copyOf(full, 10));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertMentions(e, file, "truncated IDX header", "offset 10", "offset 16");

        Path tiny = dir.resolve("tiny");
        IdxWriter.write(tiny, new byte[] {0, 0});
        e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(tiny));
        assertMentions(e, tiny, "truncated IDX header", "offset 0");
    }

    @Test
    void truncatedBodyNamesFileAndOffset() {
        byte[] full = IdxWriter.images(2, 3, IMAGES, false); // 16 header bytes + 18 pixels = 34
        Path file = dir.resolve("short-body");
        IdxWriter.write(file, Arrays.copyOf(full, 30));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertMentions(e, file, "truncated IDX body", "offset 30", "34");

        Path gz = dir.resolve("short-body.gz");
        IdxWriter.write(gz, IdxWriter.gzip(Arrays.copyOf(full, 30)));
        e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(gz));
        assertMentions(e, gz, "truncated IDX body", "offset 30", "decompressed");
    }

    @Test
    void trailingBytesAreAnError() {
        byte[] full = IdxWriter.labels(LABELS, false);
        Path file = dir.resolve("long");
        IdxWriter.write(file, Arrays.copyOf(full, full.length + 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file));
        assertMentions(e, file, "2 trailing bytes", "offset 11");
    }

    @Test
    void truncatedGzipStreamNamesFile() {
        byte[] gz = IdxWriter.images(2, 3, IMAGES, true);
        Path file = dir.resolve("cut.gz");
        IdxWriter.write(file, Arrays.copyOf(gz, gz.length - 12));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxReader.readImages(file));
        assertMentions(e, file, "gzip");
    }

    @Test
    void missingFileNamesPath() {
        Path file = dir.resolve("absent-idx");
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> IdxReader.readLabels(file));
        assertMentions(e, file, "not found");
    }

    @Test
    void loaderRejectsCountMismatchBetweenImagesAndLabels() {
        writeSet(dir, IMAGES, new int[] {2, 0});
        DataFormatException e = assertThrows(
                DataFormatException.class, () -> IdxDatasetLoader.fromDirectory("toy", dir, List.of("a", "b", "c")));
        assertMentions(e, dir.resolve("train-images-idx3-ubyte.gz"), "3 images", "2 labels", "offset 4");
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void loaderRejectsLabelOutsideClasses() {
        writeSet(dir, IMAGES, new int[] {2, 0, 9});
        DataFormatException e = assertThrows(
                DataFormatException.class, () -> IdxDatasetLoader.fromDirectory("toy", dir, List.of("a", "b", "c")));
        assertTrue(e.getMessage().contains("label 9 at offset 10"), e.getMessage());
    }

    @Test
    void loaderBuildsImageDatasetsWithProvenance() {
        writeSet(dir, IMAGES, LABELS);
        DataSplit split = IdxDatasetLoader.fromDirectory("toy", dir, List.of("a", "b", "c"));
        assertArrayEquals(new int[] {1, 2, 3}, split.train().sampleShape());
        assertTrue(split.train().isImage());
        assertEquals(2, split.train().fileSha256().size());
        Path images = dir.resolve("train-images-idx3-ubyte.gz").toAbsolutePath();
        assertEquals(Sha256.of(images), split.train().fileSha256().get(images.toString()));
    }

    @Test
    void loaderDecodesImagesOnlyWhenFirstUsed() {
        writeSet(dir, IMAGES, LABELS);
        // a training body cut short: the header is sound, so loading works and only decoding fails
        Path train = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] whole = IdxWriter.images(2, 3, IMAGES, false);
        IdxWriter.write(train, Arrays.copyOf(whole, whole.length - 4));
        DataSplit split = IdxDatasetLoader.fromDirectory("toy", dir, List.of("a", "b", "c"));
        assertEquals(3, split.train().size());
        assertArrayEquals(LABELS, split.train().labels());
        String trainImages = train.toAbsolutePath().toString();
        assertEquals(
                Set.of(dir.resolve("train-labels-idx1-ubyte.gz")
                        .toAbsolutePath()
                        .toString()),
                split.train().readFileSha256().keySet());
        DataFormatException e =
                assertThrows(DataFormatException.class, () -> split.train().samples());
        assertMentions(e, train, "truncated IDX body");

        String testImages =
                dir.resolve("t10k-images-idx3-ubyte.gz").toAbsolutePath().toString();
        assertFalse(split.test().readFileSha256().containsKey(testImages));
        assertArrayEquals(new float[] {1, 1, 0, 0, 0.8f, 7 / 255f}, split.test().sample(1), 1e-7f);
        assertTrue(split.test().readFileSha256().containsKey(testImages), "a single sample reads the file");
        assertThrows(IndexOutOfBoundsException.class, () -> split.test().sample(3));
        assertEquals(8 / 255f, split.test().samples()[2][5], 1e-7f);
        assertSame(split.test().samples()[1], split.test().sample(1));
        assertEquals(
                Sha256.of(Path.of(testImages)), split.test().readFileSha256().get(testImages));
        assertEquals(split.test().fileSha256(), split.test().readFileSha256());
        assertTrue(split.train().fileSha256().containsKey(trainImages));
    }

    @Test
    void loaderChecksTheImageHeaderAtLoad() {
        writeSet(dir, IMAGES, LABELS);
        Path test = dir.resolve("t10k-images-idx3-ubyte.gz");
        IdxWriter.write(test, IdxWriter.labels(LABELS, true));
        DataFormatException e = assertThrows(
                DataFormatException.class, () -> IdxDatasetLoader.fromDirectory("toy", dir, List.of("a", "b", "c")));
        assertMentions(e, test, "wrong magic number 0x00000801", "offsets in the decompressed data");
    }

    /** Writes the four files of an IDX data set (train and test identical) into a directory. */
    static void writeSet(Path directory, int[][] images, int[] labels) {
        for (String prefix : new String[] {"train", "t10k"}) {
            IdxWriter.write(directory.resolve(prefix + "-images-idx3-ubyte.gz"), IdxWriter.images(2, 3, images, true));
            IdxWriter.write(directory.resolve(prefix + "-labels-idx1-ubyte.gz"), IdxWriter.labels(labels, true));
        }
    }

    private static void assertMentions(RuntimeException e, Path file, String... parts) {
        String message = e.getMessage();
        assertTrue(message.contains(file.toAbsolutePath().normalize().toString()), "no file name in: " + message);
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }
}
