package org.leakbench.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code provenance.json}: what produced a run folder's results (format version, LeakBench version, git commit
 * and dirty flag, JVM, OS, CPU, cores, heap, backend, threads, seeds, the resolved sweep, data-file hashes,
 * start and end time).
 */
public final class Provenance {
    /** Version of the provenance layout; bump it when fields change meaning. */
    public static final int FORMAT_VERSION = 1;
    /** The file name inside a run folder. */
    public static final String FILE = "provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Provenance() {
    }

    /** The provenance of one run of {@code sweep}; {@code end} is null while it is still running. */
    public static Map<String, Object> of(Sweep sweep, RunOptions options, Instant start, Instant end,
                                         Map<String, String> dataFiles, RunSummary summary) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("format_version", FORMAT_VERSION);
        p.put("run_id", options.runId());
        p.putAll(SystemInfo.machine());
        Map<String, Object> git = SystemInfo.git();
        p.put("git_commit", git.get("commit"));
        p.put("git_dirty", git.get("dirty"));
        p.put("git_source", git.getOrDefault("source", "unknown"));
        p.put("backend", sweep.backend());
        p.put("backend_description", SystemInfo.describeBackend(sweep.backend()));
        p.put("threads", options.threads());
        p.put("op_threads_per_point", PoolSizing.opThreads(sweep.backend()));
        p.put("shard", options.shard().toString());
        p.put("seeds", sweep.seeds());
        p.put("timeout_ms", (options.timeout() == null ? sweep.timeout() : options.timeout()).toMillis());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", sweep.name());
        resolved.put("origin", sweep.origin());
        resolved.put("parameters", sweep.resolved());
        resolved.put("points", sweep.points().size());
        resolved.put("source", sweep.source());
        p.put("sweep", resolved);
        p.put("data_files", new TreeMap<>(dataFiles));
        p.put("start", start.toString());
        p.put("end", end == null ? null : end.toString());
        if (summary != null) {
            p.put("summary", summary.asMap());
        }
        return p;
    }

    /** Writes {@code provenance} to {@code file} atomically. */
    public static void write(Path file, Map<String, Object> provenance) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), provenance);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a provenance file as a map. */
    public static Map<String, Object> read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** The fields that must be present in every provenance file. */
    public static List<String> requiredFields() {
        return List.of("format_version", "leakbench_version", "git_commit", "git_dirty", "jvm", "os", "cpu",
                "cores", "max_heap_mb", "backend", "backend_description", "threads", "seeds", "sweep",
                "data_files", "start", "end");
    }
}
