package org.leakbench.results;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code provenance.json}: what produced a run folder (format version, LeakBench version, git commit and dirty
 * flag, JVM, OS, CPU, cores, heap, backend, threads, seeds, the resolved sweep, data-file hashes, start and end
 * time). Every key has one spelling, the snake_case constant here; the harness writes only these.
 *
 * <p>Reading applies {@link #ALIASES} once, so a hand-made or edited provenance file that spells a key another
 * way ({@code runId}, {@code run-id}, a nested {@code git: {commit, dirty}}) reads like a current one. A key
 * that is already present under its own spelling wins over an alias.
 */
public final class ProvenanceFile {
    /** Version of the provenance layout; bump it when fields change meaning. */
    public static final int FORMAT_VERSION = 1;

    public static final String FORMAT_VERSION_KEY = "format_version";
    public static final String RUN_ID = "run_id";
    public static final String LEAKBENCH_VERSION = "leakbench_version";
    public static final String GIT_COMMIT = "git_commit";
    public static final String GIT_DIRTY = "git_dirty";
    public static final String GIT_SOURCE = "git_source";
    public static final String JVM = "jvm";
    public static final String OS = "os";
    public static final String CPU = "cpu";
    public static final String CORES = "cores";
    public static final String MAX_HEAP_MB = "max_heap_mb";
    public static final String BACKEND = "backend";
    public static final String BACKEND_DESCRIPTION = "backend_description";
    public static final String THREADS = "threads";
    public static final String OP_THREADS_PER_POINT = "op_threads_per_point";
    public static final String SHARD = "shard";
    public static final String SEEDS = "seeds";
    public static final String TIMEOUT_MS = "timeout_ms";
    public static final String SWEEP = "sweep";
    public static final String DATA_FILES = "data_files";
    public static final String START = "start";
    public static final String END = "end";
    public static final String SUMMARY = "summary";
    /** The route of the secure-aggregation mask generator (JDK AES/CTR intrinsic or fallback). */
    public static final String MASK_PRG = "mask_prg";
    /** The route of secure aggregation's X25519 key agreement (the system's libcrypto or the JDK's XDH). */
    public static final String X25519 = "x25519";
    /** Where a cluster shard ran (written by the shard runner). */
    public static final String NODE = "node";

    public static final String DEVICE = "device";
    public static final String SLURM_JOB = "slurm_job";
    /** The shard plan, placement and jobs of a cluster run (written when its shards are merged). */
    public static final String CLUSTER = "cluster";
    /** Written by a merge: the input folder of each part, the rows written and the parts merged. */
    public static final String RUN_FOLDER = "run_folder";

    public static final String ROWS = "rows";
    public static final String MERGED_FROM = "merged_from";

    // Keys inside SWEEP: the sweep's name, the file it came from, its resolved parameters, its points, its text.
    public static final String SWEEP_NAME = "name";
    public static final String SWEEP_ORIGIN = "origin";
    public static final String SWEEP_PARAMETERS = "parameters";
    public static final String SWEEP_POINTS = "points";
    public static final String SWEEP_SOURCE = "source";

    /** The keys every provenance file the harness writes must hold. */
    public static final List<String> REQUIRED = List.of(
            FORMAT_VERSION_KEY,
            LEAKBENCH_VERSION,
            GIT_COMMIT,
            GIT_DIRTY,
            JVM,
            OS,
            CPU,
            CORES,
            MAX_HEAP_MB,
            BACKEND,
            BACKEND_DESCRIPTION,
            THREADS,
            SEEDS,
            SWEEP,
            DATA_FILES,
            START,
            END);

    /**
     * Other spellings a provenance file may use, to the key's one spelling: camelCase and kebab-case of the keys
     * captions read, and {@code git.commit}/{@code git.dirty} one object down (a dot here means "inside").
     */
    public static final Map<String, String> ALIASES = Map.of(
            "runId", RUN_ID,
            "run-id", RUN_ID,
            "backendDescription", BACKEND_DESCRIPTION,
            "backend-description", BACKEND_DESCRIPTION,
            "git.commit", GIT_COMMIT,
            "git.dirty", GIT_DIRTY);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProvenanceFile() {}

    /** Writes {@code provenance} to {@code file} atomically (a temporary file renamed over it). */
    public static void write(Path file, Map<String, Object> provenance) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), provenance);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a provenance file as a map, in file order, with {@link #ALIASES} turned into the keys' one spelling.
     *
     * @throws IllegalArgumentException naming the file when it is not a JSON object
     */
    public static Map<String, Object> read(Path file) throws IOException {
        Map<String, Object> raw;
        try {
            raw = JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not a JSON object: " + e.getOriginalMessage());
        }
        return canonical(raw == null ? new LinkedHashMap<>() : raw);
    }

    /** {@code raw} with every alias renamed to its key's one spelling (an existing key is not overwritten). */
    static Map<String, Object> canonical(Map<String, Object> raw) {
        Map<String, Object> out = new LinkedHashMap<>(raw);
        ALIASES.forEach((alias, key) -> {
            Object value = lookup(raw, alias);
            if (value != null && out.get(key) == null) {
                out.put(key, value);
            }
            if (value != null && !alias.contains(".")) {
                out.remove(alias);
            }
        });
        return out;
    }

    private static Object lookup(Map<String, Object> map, String dotted) {
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            return map.get(dotted);
        }
        return map.get(dotted.substring(0, dot)) instanceof Map<?, ?> inner
                ? inner.get(dotted.substring(dot + 1))
                : null;
    }

    /** The text of {@code key}, or {@code fallback} when it is absent, null or not a plain value. */
    public static String text(Map<String, Object> provenance, String key, String fallback) {
        Object v = provenance.get(key);
        return v == null || v instanceof Map<?, ?> || v instanceof List<?> ? fallback : v.toString();
    }
}
