package org.leakbench.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the safetensors layout written by PyTorch's {@code safetensors.torch.save_file}: an 8-byte
 * little-endian header length, a JSON header mapping each tensor name to {@code {dtype, shape,
 * data_offsets}} (offsets relative to the data block) plus an optional {@code __metadata__} map of strings,
 * then the raw little-endian data. F32, F64 and I64 are understood; anything else is refused by name.
 */
public final class SafetensorsReader {
    static final String METADATA = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsReader() {}

    public static WeightFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read weight file: " + e.getMessage(), e);
        }
        return parse(file, bytes);
    }

    /** Parses {@code bytes} as the contents of {@code file} (named in errors only). */
    public static WeightFile parse(Path file, byte[] bytes) {
        if (bytes.length < 8) {
            throw new WeightFileException(
                    file, null, "truncated: " + bytes.length + " bytes, fewer than the 8-byte header length");
        }
        long headerLength =
                ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > bytes.length - 8L) {
            throw new WeightFileException(
                    file,
                    null,
                    "truncated or not safetensors: header length " + headerLength + " but only " + (bytes.length - 8)
                            + " bytes follow");
        }
        int dataStart = 8 + (int) headerLength;
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new WeightFileException(file, null, "bad JSON header: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new WeightFileException(file, null, "bad JSON header: not an object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, StoredTensor> tensors = new LinkedHashMap<>();
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, bytes.length - dataStart)
                .slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(METADATA)) {
                readMetadata(file, e.getValue(), metadata);
            } else {
                tensors.put(e.getKey(), tensor(file, e.getKey(), e.getValue(), data));
            }
        }
        return new WeightFile(file, tensors, metadata);
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> out) {
        if (!node.isObject()) {
            throw new WeightFileException(file, METADATA, "bad JSON header: metadata is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new WeightFileException(
                        file, METADATA, "bad JSON header: value of '" + e.getKey() + "' is not a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
    }

    private static StoredTensor tensor(Path file, String name, JsonNode node, ByteBuffer data) {
        JsonNode dt = node.get("dtype");
        JsonNode sh = node.get("shape");
        JsonNode off = node.get("data_offsets");
        if (!node.isObject()
                || dt == null
                || !dt.isTextual()
                || sh == null
                || !sh.isArray()
                || off == null
                || !off.isArray()
                || off.size() != 2) {
            throw new WeightFileException(
                    file, name, "bad JSON header: needs {dtype: string, shape: [..], data_offsets: [begin, end]}");
        }
        StoredDType dtype = StoredDType.parse(dt.asText());
        if (dtype == null) {
            throw new WeightFileException(
                    file, name, "unknown dtype '" + dt.asText() + "'; this reader knows F32, F64, I64");
        }
        int[] shape = new int[sh.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.canConvertToInt() || d.asInt() < 0) {
                throw new WeightFileException(file, name, "bad JSON header: shape entry " + i + " is " + d);
            }
            shape[i] = d.asInt();
            count *= shape[i];
        }
        if (!off.get(0).canConvertToLong() || !off.get(1).canConvertToLong()) {
            throw new WeightFileException(file, name, "bad JSON header: data_offsets " + off + " are not integers");
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin || end > data.capacity()) {
            throw new WeightFileException(
                    file,
                    name,
                    "data_offsets [" + begin + ", " + end + "] out of range: the data block has " + data.capacity()
                            + " bytes (file truncated?)");
        }
        if (end - begin != count * dtype.bytes()) {
            throw new WeightFileException(
                    file,
                    name,
                    "data_offsets [" + begin + ", " + end + "] span "
                            + (end - begin) + " bytes, but " + dtype + java.util.Arrays.toString(shape) + " needs "
                            + count * dtype.bytes());
        }
        double[] values = new double[(int) count];
        int at = (int) begin;
        for (int i = 0; i < values.length; i++, at += dtype.bytes()) {
            values[i] = switch (dtype) {
                case F32 -> data.getFloat(at);
                case F64 -> data.getDouble(at);
                case I64 -> data.getLong(at);
            };
        }
        return new StoredTensor(name, dtype, shape, values);
    }
}
