package org.leakbench.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    static final Path FILE = Path.of("weights.safetensors");

    static final List<StoredTensor> TENSORS = List.of(
            new StoredTensor(
                    "conv.weight", StoredDType.F32, new int[] {2, 1, 1, 2}, new double[] {0.5, -1.25, 3, 1e-3f}),
            new StoredTensor("fc.bias", StoredDType.F64, new int[] {3}, new double[] {Math.PI, -0.0, 1e-300}),
            new StoredTensor("bn.num_batches_tracked", StoredDType.I64, new int[] {}, new double[] {7}),
            new StoredTensor("empty", StoredDType.F32, new int[] {0, 4}, new double[0]));

    @Test
    void roundTripKeepsNamesOrderTypesShapesValuesAndMetadata(@TempDir Path dir) {
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.write(file, TENSORS, Map.of("family", "lenet"));
        WeightFile read = SafetensorsReader.read(file);
        assertEquals(
                List.of("conv.weight", "fc.bias", "bn.num_batches_tracked", "empty"),
                List.copyOf(read.tensors().keySet()));
        for (StoredTensor t : TENSORS) {
            assertEquals(t, read.tensor(t.name()));
        }
        assertEquals(Map.of("family", "lenet"), read.metadata());
        // Header padded so the data block starts 8-byte aligned, as safetensors writes it.
        byte[] bytes = SafetensorsWriter.bytes(TENSORS, Map.of());
        assertEquals(0, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong() % 8);
    }

    @Test
    void readsTheFilesPyTorchWrote() {
        ParityFixture f = ParityFixture.all().get(0);
        StoredTensor x = f.get("x");
        assertEquals(2, x.shape()[0]);
        assertEquals(StoredDType.I64, f.get("labels").dtype());
        assertArrayEquals(new int[0], f.get("loss").shape());
        assertTrue(f.file().metadata().containsKey("family"));
    }

    @Test
    void aFileShorterThanItsHeaderLengthIsTruncated() {
        assertProblem(new byte[] {1, 2, 3}, null, "truncated");
        byte[] whole = SafetensorsWriter.bytes(TENSORS, Map.of());
        assertProblem(Arrays.copyOf(whole, 20), null, "truncated");
    }

    @Test
    void missingDataIsOutOfRangeForTheTensorThatNeedsIt() {
        byte[] whole = SafetensorsWriter.bytes(TENSORS, Map.of());
        assertProblem(Arrays.copyOf(whole, whole.length - 8), "bn.num_batches_tracked", "out of range");
    }

    @Test
    void badJsonIsRefused() {
        assertProblem(file("{\"a\": {\"dtype\": \"F32\", "), null, "bad JSON header");
        assertProblem(file("[1, 2]"), null, "bad JSON header");
        assertProblem(file("{\"a\": {\"dtype\": \"F32\", \"shape\": [1]}}"), "a", "data_offsets");
        assertProblem(file("{\"__metadata__\": {\"k\": 1}}"), "__metadata__", "not a string");
    }

    @Test
    void anUnknownDtypeIsNamed() {
        assertProblem(
                file("{\"half\": {\"dtype\": \"F16\", \"shape\": [1], \"data_offsets\": [0, 2]}}", 2),
                "half",
                "unknown dtype 'F16'");
    }

    @Test
    void offsetsOutsideTheDataOrOfTheWrongSpanAreNamed() {
        assertProblem(
                file("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}", 8),
                "w",
                "out of range");
        assertProblem(
                file("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [8, 4]}}", 8),
                "w",
                "out of range");
        assertProblem(
                file("{\"w\": {\"dtype\": \"F64\", \"shape\": [2], \"data_offsets\": [0, 8]}}", 8), "w", "needs 16");
    }

    /** A file with the given JSON header and {@code dataBytes} zero bytes of data. */
    static byte[] file(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + dataBytes)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length)
                .put(json)
                .array();
    }

    static byte[] file(String header) {
        return file(header, 0);
    }

    static void assertProblem(byte[] bytes, String tensor, String problem) {
        WeightFileException e = assertThrows(WeightFileException.class, () -> SafetensorsReader.parse(FILE, bytes));
        assertEquals(tensor, e.tensor(), e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        if (tensor != null) {
            assertTrue(e.getMessage().contains("'" + tensor + "'"), e.getMessage());
        }
    }
}
