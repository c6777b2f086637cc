package org.leakbench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DatasetComponent;
import org.leakbench.data.Sha256;
import org.leakbench.model.Model;
import org.leakbench.model.Models;
import org.leakbench.model.io.InitialWeights;
import org.leakbench.model.io.SafetensorsReader;
import org.leakbench.model.io.WeightFile;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;

/**
 * The {@code model.init} parameter: a victim that starts from weights saved by PyTorch (a {@code state_dict}
 * written with safetensors) or by {@code leakbench weights export} instead of LeakBench's seeded
 * initialisation. Every file a sweep names is read and checked against every model it starts before the sweep
 * runs; a point then reads it again, refuses it if it changed meanwhile, and records its path and SHA-256 in
 * the run's provenance (with the data files).
 */
final class ModelInit {
    /** The sweep parameter; empty means the seeded initialisation. */
    static final String PARAMETER = "model.init";

    private final Path directory;
    /** SHA-256 of each file as checked before the sweep started. */
    private final Map<Path, String> checked;

    private ModelInit(Path directory, Map<Path, String> checked) {
        this.directory = directory;
        this.checked = Map.copyOf(checked);
    }

    /** No file checked in advance; names resolve against the working directory. */
    static ModelInit unchecked() {
        return new ModelInit(Path.of("").toAbsolutePath(), Map.of());
    }

    /** Whether {@code p} starts from a weight file. */
    static boolean isSet(SweepPoint p) {
        return !p.string(PARAMETER).isEmpty();
    }

    /**
     * Reads every file the sweep names and checks it against each distinct model that starts from it (on its data
     * set, whose class count needs loading it); refuses the sweep with one line per problem.
     */
    static ModelInit check(Sweep sweep) {
        Map<Path, String> hashes = new HashMap<>();
        Map<Path, WeightFile> files = new HashMap<>();
        Map<String, DataSplit> data = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        Set<String> problems = new LinkedHashSet<>();
        for (SweepPoint p : sweep.points()) {
            if (!isSet(p)) {
                continue;
            }
            Path file = sweep.resolve(p.string(PARAMETER));
            try {
                if (!files.containsKey(file)) {
                    byte[] bytes = read(file);
                    hashes.put(file, Sha256.of(bytes));
                    files.put(file, SafetensorsReader.parse(file, bytes));
                }
                DatasetComponent dataset = ChosenComponents.dataset(p);
                String dataKey = dataset.loadKey(p) + DataShapes.of(p);
                DataSplit split = data.computeIfAbsent(
                        dataKey, k -> DataShapes.of(p).apply(dataset.load(DataDirectory.get(), p)));
                Model model = Models.build(CaseBuilder.modelSpec(p, split.train()));
                if (seen.add(file + "|" + dataKey + "|" + model.spec())) {
                    InitialWeights.check(model, files.get(file));
                }
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                problems.add(PARAMETER + " " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", new ArrayList<>(problems)));
        }
        return new ModelInit(sweep.directory(), hashes);
    }

    /**
     * The starting point of {@code model} for {@code p}, in {@code dtype}; records the file for provenance
     * through {@code record} (path, SHA-256).
     */
    InitialWeights load(
            SweepPoint p, Model model, Backend be, DType dtype, java.util.function.BiConsumer<String, String> record) {
        Path file = directory.resolve(p.string(PARAMETER)).normalize();
        byte[] bytes = read(file);
        String sha = Sha256.of(bytes);
        String before = checked.get(file);
        if (before != null && !before.equals(sha)) {
            throw new IllegalStateException(PARAMETER + " " + file + ": the file changed after the sweep was checked "
                    + "(SHA-256 " + before + ", now " + sha + ")");
        }
        record.accept(file.toString(), sha);
        return InitialWeights.of(model, SafetensorsReader.parse(file, bytes), be, dtype);
    }

    private static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such weight file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(file + ": cannot read weight file: " + e.getMessage(), e);
        }
    }
}
