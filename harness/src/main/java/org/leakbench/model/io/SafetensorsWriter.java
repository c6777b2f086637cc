package org.leakbench.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the safetensors layout that PyTorch's {@code safetensors.torch.load_file} reads: tensors packed
 * one after another in the given order, the JSON header padded with spaces to a multiple of 8 bytes so that
 * the data block stays aligned.
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsWriter() {}

    public static void write(Path file, Collection<StoredTensor> tensors, Map<String, String> metadata) {
        try {
            Files.write(file, bytes(tensors, metadata));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write weight file: " + e.getMessage(), e);
        }
    }

    public static byte[] bytes(Collection<StoredTensor> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(SafetensorsReader.METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (StoredTensor t : tensors) {
            if (header.has(t.name())) {
                throw new IllegalArgumentException("tensor '" + t.name() + "' given twice");
            }
            ObjectNode entry = header.putObject(t.name());
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            long end = offset + (long) t.values().length * t.dtype().bytes();
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode weight-file header", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out =
                ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (StoredTensor t : tensors) {
            for (double v : t.values()) {
                switch (t.dtype()) {
                    case F32 -> out.putFloat((float) v);
                    case F64 -> out.putDouble(v);
                    case I64 -> out.putLong((long) v);
                }
            }
        }
        return out.array();
    }
}
