package org.leakbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.data.DataFile;
import org.leakbench.data.DataFormatException;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Dataset;
import org.leakbench.data.DatasetLocation;
import org.leakbench.data.DatasetNotFoundException;
import org.leakbench.data.Datasets;
import org.leakbench.data.Sha256;

class TextDatasetsTest {
    private static final TextOptions T4 = new TextOptions(4, 0, 512);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void theBundledTextIsTheDocumentedOne() {
        TextSource source = TextSource.bundled();
        assertEquals(
                "03bf4489302caa4f9a6560a28d76e230e4d984944782cf9eaa8f80a60a6bf107",
                Sha256.of(source.text().getBytes(StandardCharsets.UTF_8)));
        assertEquals(409_429, source.text().length());
        assertTrue(source.text().startsWith("In the beginning God created the heaven and the earth.\n"));
    }

    @Test
    void bundledCharacterSetSplitsByPositionIntoNonOverlappingWindows() {
        DataSplit split =
                TextDatasets.load(TextDatasets.CHAR, null, TextOptions.DEFAULTS, TextDatasetsTest::noEnvironment);
        TextSource source = TextSource.bundled();
        int cut = source.cut(TextDatasets.TRAIN_FRACTION);
        Dataset train = split.train();
        assertArrayEquals(new int[] {32}, train.sampleShape());
        assertEquals((cut - 32 + 31) / 32, train.size());
        assertEquals((source.text().length() - cut - 32 + 31) / 32, split.test().size());
        assertEquals(Tokenizer.UNKNOWN_TEXT, train.classNames().get(0));
        assertEquals(train.numClasses(), split.test().numClasses());
        assertEquals(
                Map.of(
                        "classpath:" + TextSource.BUNDLED_RESOURCE,
                        "75a68255fb0d8236c0bfe1cf319e4069e524f3f72868a83c10b23434f9259e12"),
                train.fileSha256());
        // the first test window is the text right after the cut; its label the character after it
        String expected = source.text().substring(cut, cut + 33);
        assertEquals(
                expected,
                decode(split.test(), 0) + train.classNames().get(split.test().labels()[0]));
        assertFalse(train.isImage());
    }

    @Test
    void noWindowCrossesTheBorderAndTheTokenizerSeesOnlyTheTrainingPart() throws IOException {
        write("one.txt", "a".repeat(89) + "\n" + "b".repeat(10));
        DataSplit split = TextDatasets.load(TextDatasets.FILES_CHAR, dir, T4, TextDatasetsTest::noEnvironment);
        // vocabulary: unknown, "\n", "a"; the training part is the first 90 characters
        assertEquals(List.of(Tokenizer.UNKNOWN_TEXT, "\n", "a"), split.train().classNames());
        assertEquals(22, split.train().size());
        for (float[] sample : split.train().samples()) {
            for (float id : sample) {
                assertEquals(2f, id);
            }
        }
        // the test part is "bbbbbbbbbb\n" (the file gets a final line break): every sample and label is unknown
        assertEquals(2, split.test().size());
        assertArrayEquals(new int[] {0, 0}, split.test().labels());
    }

    @Test
    void bpeVocabularyHasTheRequestedSize() {
        TextOptions options = new TextOptions(16, 0, 300);
        DataSplit split = TextDatasets.load(TextDatasets.BPE, null, options, TextDatasetsTest::noEnvironment);
        assertEquals(300, split.train().numClasses());
        assertArrayEquals(new int[] {16}, split.test().sampleShape());
        // merged tokens hold several characters, so there are fewer windows than characters / 16
        assertTrue(
                split.train().size() < TextSource.bundled().cut(0.9) / 16 / 2,
                split.train().toString());
    }

    @Test
    void userFilesComeFromTheDataDirectoryInNameOrderWithTheirDigests() throws IOException {
        Path b = write("b.txt", "second file with enough words to fill a window\n");
        Path a = write("a.txt", "first file, long enough for a window too");
        write("notes.md", "ignored");
        TextSource source = TextSource.fromPath(dir);
        assertTrue(source.text().startsWith("first file, long enough for a window too\nsecond"), source.text());
        assertEquals(
                List.of(a.toAbsolutePath().toString(), b.toAbsolutePath().toString()),
                List.copyOf(source.fileSha256().keySet()));
        assertEquals(Sha256.of(a), source.fileSha256().get(a.toAbsolutePath().toString()));
        DatasetLocation location = TextDatasets.locate(TextDatasets.FILES_BPE, dir, TextDatasetsTest::noEnvironment);
        assertTrue(location.available());
        assertEquals(dir.toAbsolutePath().normalize().toString(), location.location());
        DataSplit split = TextDatasets.load(TextDatasets.FILES_CHAR, dir, T4, TextDatasetsTest::noEnvironment);
        assertEquals(source.fileSha256(), split.test().fileSha256());
    }

    @Test
    void theEnvironmentVariableMayNameOneFile() throws IOException {
        Path file = write("corpus.txt", "a single file named by the environment variable, long enough");
        Function<String, String> env = k -> k.equals(TextDatasets.ENV) ? file.toString() : null;
        DataSplit split = TextDatasets.load(TextDatasets.FILES_CHAR, null, T4, env);
        assertEquals(
                List.of(file.toAbsolutePath().toString()),
                List.copyOf(split.train().fileSha256().keySet()));
        assertTrue(TextDatasets.locate(TextDatasets.FILES_CHAR, dir.resolve("empty"), env)
                .available());
    }

    @Test
    void missingUserTextSaysWhereItLookedAndHowToGiveIt() {
        DatasetNotFoundException e = assertThrows(
                DatasetNotFoundException.class,
                () -> TextDatasets.load(TextDatasets.FILES_CHAR, dir, T4, TextDatasetsTest::noEnvironment));
        assertTrue(
                e.getMessage().contains(dir.toString()) && e.getMessage().contains("$LEAKBENCH_TEXT"), e.getMessage());
        assertFalse(TextDatasets.locate(TextDatasets.FILES_CHAR, null, TextDatasetsTest::noEnvironment)
                .available());
    }

    @Test
    void invalidUtf8NamesTheFileAndTheByteOffset() throws IOException {
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'o', 'k', ' ', (byte) 0xC3, '(', 'x'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextSource.fromPath(bad));
        assertTrue(
                e.getMessage().contains(bad.toAbsolutePath().toString())
                        && e.getMessage().contains("not valid UTF-8 at byte offset 3"),
                e.getMessage());
    }

    @Test
    void tooShortTextNamesTheFileAndTheSizes() throws IOException {
        Path small = write("small.txt", "In the beginning God created the heaven and the earth.");
        DataFormatException e = assertThrows(
                DataFormatException.class,
                () -> TextDatasets.load(
                        TextDatasets.FILES_CHAR, small, TextOptions.DEFAULTS, TextDatasetsTest::noEnvironment));
        // 55 characters with the final line break: 49 train, 6 test
        assertTrue(
                e.getMessage().contains(small.toAbsolutePath().toString())
                        && e.getMessage().contains("test part (6 of 55 characters) holds 6 tokens")
                        && e.getMessage().contains("window of 33"),
                e.getMessage());
    }

    @Test
    void anEmptyFileIsNamed() throws IOException {
        write("a.txt", "plenty of text in the first file, plenty of text in the first file");
        Path empty = write("b.txt", " \n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextSource.fromPath(dir));
        assertTrue(
                e.getMessage().contains(empty.toAbsolutePath().toString())
                        && e.getMessage().contains("no text"),
                e.getMessage());
    }

    @Test
    void aCorruptBundledResourceIsNamed() {
        String name = "classpath:" + TextSource.BUNDLED_RESOURCE;
        DataFile corrupt = new DataFile(name, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextSource.of(List.of(corrupt), name));
        assertTrue(e.getMessage().startsWith(name + ": not a valid gzip file"), e.getMessage());
        DataFile binary = new DataFile(name, new byte[] {1, 2, 3, 4});
        assertThrows(DataFormatException.class, () -> TextSource.of(List.of(binary), name));
    }

    @Test
    void theFacadeListsLoadsAndLocatesTheTextSets() {
        assertTrue(Datasets.names().containsAll(TextDatasets.names()));
        assertTrue(Datasets.locate(TextDatasets.CHAR, null).available());
        assertEquals(32, Datasets.load(TextDatasets.CHAR, null).test().featureCount());
    }

    /** An environment without variables. */
    private static String noEnvironment(String variable) {
        return null;
    }

    private static String decode(Dataset d, int sample) {
        StringBuilder out = new StringBuilder();
        for (float id : d.samples()[sample]) {
            out.append(d.classNames().get((int) id));
        }
        return out.toString();
    }
}
