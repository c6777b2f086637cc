package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void readsFeaturesAroundTheLabelColumn() throws IOException {
        Path file = write("ok.csv", "a,label,b\n1.5,x,2\n-3,y,4e1\n");
        CsvTable table = CsvTableReader.read(file, "label");
        assertEquals(List.of("a", "b"), table.featureNames());
        assertEquals(2, table.rowCount());
        assertArrayEquals(new float[] {1.5f, 2}, table.features()[0]);
        assertArrayEquals(new float[] {-3, 40}, table.features()[1]);
        assertEquals(List.of("x", "y"), table.labels());
        assertEquals(Sha256.of(file), table.sha256());
        assertEquals(file.toAbsolutePath().toString(), table.source());
    }

    @Test
    void lastLineWithoutNewlineIsRead() throws IOException {
        CsvTable table = CsvTableReader.read(write("nonl.csv", "a,y\n1,p\n2,q"), "y");
        assertEquals(2, table.rowCount());
    }

    @Test
    void wrongColumnCountNamesFileAndLine() throws IOException {
        assertRejected("short.csv", "a,b,label\n1,2,x\n3,4,y\n5,z\n6,7,w\n", "line 4", "2 columns", "header has 3");
    }

    @Test
    void wrongColumnCountOnLastLineWithoutNewline() throws IOException {
        assertRejected("short-end.csv", "a,b,label\n1,2,x\n3,4,y,9", "line 3", "4 columns");
    }

    @Test
    void nonNumberNamesFileLineAndColumn() throws IOException {
        assertRejected("text.csv", "a,b,label\n1,2,x\n3,oops,y\n", "line 3", "column 2 (b)", "'oops' is not a number");

        assertRejected("empty-cell.csv", "a,b,label\n1,,x\n", "line 2", "column 2 (b)");

        assertRejected("nan.csv", "a,b,label\n1,2,x\nNaN,2,x\n", "line 3", "column 1 (a)", "not a finite number");
    }

    @Test
    void missingLabelColumnOrEmptyFile() throws IOException {
        assertRejected("nolabel.csv", "a,b\n1,2\n", "line 1", "label");
        assertRejected("empty.csv", "", "empty");
    }

    @Test
    void missingFileNamesPath() {
        Path file = dir.resolve("absent.csv");
        DatasetNotFoundException e =
                assertThrows(DatasetNotFoundException.class, () -> CsvTableReader.read(file, "label"));
        assertMentions(e, file, "not found");
    }

    /** Reading {@code content} as file {@code name} fails with a message naming the file and {@code parts}. */
    private void assertRejected(String name, String content, String... parts) throws IOException {
        Path file = write(name, content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvTableReader.read(file, "label"));
        assertMentions(e, file, parts);
    }

    private static void assertMentions(RuntimeException e, Path file, String... parts) {
        String message = e.getMessage();
        assertTrue(message.contains(file.toAbsolutePath().normalize().toString()), "no file name in: " + message);
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
        }
    }
}
