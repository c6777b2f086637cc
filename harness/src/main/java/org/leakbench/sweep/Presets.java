package org.leakbench.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Sweep files shipped with LeakBench ({@code quick}, {@code paper}), and loading "a file or a preset name". */
public final class Presets {
    /** Names of the bundled presets. */
    public static final List<String> NAMES = List.of(
            "quick",
            "paper",
            "membership",
            "inversion-batch",
            "dlg-defenses",
            "model-size",
            "dlg-dpsgd",
            "scale",
            "image-attacks",
            "text-attacks",
            "dp-audit",
            "malicious-batch",
            "modern");

    private Presets() {}

    /** The bundled preset {@code name} checked against {@code registry}. */
    public static Sweep load(String name, ParameterRegistry registry) {
        String resource = "presets/" + name + ".yaml";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                        "unknown preset '" + name + "'; presets: " + String.join(", ", NAMES));
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new SweepParser(registry).parse(text, name + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + name, e);
        }
    }

    /**
     * Loads {@code fileOrPreset}: an existing file path, else a preset name, else a clear error.
     */
    public static Sweep resolve(String fileOrPreset, ParameterRegistry registry) throws IOException {
        Path path = Path.of(fileOrPreset);
        if (Files.isRegularFile(path)) {
            return new SweepParser(registry).parse(path);
        }
        if (NAMES.contains(fileOrPreset)) {
            return load(fileOrPreset, registry);
        }
        throw new IllegalArgumentException(
                "'" + fileOrPreset + "' is neither a sweep file nor a preset; presets: " + String.join(", ", NAMES));
    }
}
