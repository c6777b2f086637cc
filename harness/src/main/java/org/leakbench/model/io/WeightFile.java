package org.leakbench.model.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contents of a weight file: every tensor by name, in the file's order (parameters and buffers
 * alike, so that BatchNorm's running statistics can be loaded next to the weights), and the free-form
 * string metadata ({@code __metadata__}).
 */
public record WeightFile(Path source, Map<String, StoredTensor> tensors, Map<String, String> metadata) {
    public WeightFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The tensor called {@code name}, or an error naming the file and the tensor. */
    public StoredTensor tensor(String name) {
        StoredTensor t = tensors.get(name);
        if (t == null) {
            throw new WeightFileException(source, name, "no such tensor");
        }
        return t;
    }

    /** The metadata entry {@code key}, or an error naming the file and the key. */
    public String meta(String key) {
        String v = metadata.get(key);
        if (v == null) {
            throw new WeightFileException(source, "__metadata__", "no entry '" + key + "'");
        }
        return v;
    }
}
