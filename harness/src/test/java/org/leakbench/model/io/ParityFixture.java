package org.leakbench.model.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.DType;

/**
 * One fixture written by {@code harness/scripts/torch_parity.py}: the PyTorch weights of a model, a
 * labelled batch and what PyTorch computed on it, under names starting with {@code parity.}.
 */
record ParityFixture(String name, WeightFile file) {
    static final String PREFIX = "parity.";
    static final String DIRECTORY = "/org/leakbench/model/parity";

    /** Every fixture file on the test class path, sorted by name. */
    static List<ParityFixture> all() {
        try {
            Path dir = Path.of(ParityFixture.class.getResource(DIRECTORY).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".safetensors"))
                        .sorted()
                        .map(f -> new ParityFixture(
                                f.getFileName().toString().replace(".safetensors", ""), SafetensorsReader.read(f)))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no parity fixtures at " + DIRECTORY, e);
        }
    }

    /** The Java model the fixture's metadata describes. */
    Model model() {
        int[] shape = Arrays.stream(file.meta("input_shape").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        return Models.build(new ModelSpec(
                file.meta("family"),
                shape,
                Integer.parseInt(file.meta("classes")),
                Double.parseDouble(file.meta("width")),
                Integer.parseInt(file.meta("depth")),
                Activation.parse(file.meta("activation")),
                options()));
    }

    /** The spec's options, "key=value" pairs separated by commas (absent from fixtures of option-less models). */
    private Map<String, String> options() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : file.metadata().getOrDefault("options", "").split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                out.put(kv[0].trim(), kv[1].trim());
            }
        }
        return out;
    }

    DType dtype() {
        return switch (file.meta("dtype")) {
            case "float32" -> DType.F32;
            case "float64" -> DType.F64;
            default -> throw new IllegalArgumentException(name + ": unknown dtype " + file.meta("dtype"));
        };
    }

    /** The model's tensors: everything that is not a {@code parity.} entry. */
    Map<String, StoredTensor> weights() {
        Map<String, StoredTensor> out = new LinkedHashMap<>(file.tensors());
        out.keySet().removeIf(k -> k.startsWith(PREFIX));
        return out;
    }

    StoredTensor get(String key) {
        return file.tensor(PREFIX + key);
    }

    int[] labels(String key) {
        return Arrays.stream(get(key).values()).mapToInt(v -> (int) v).toArray();
    }

    @Override
    public String toString() {
        return name;
    }
}
