package org.leakbench.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;

/**
 * The layout of a cluster run folder:
 * <pre>
 * &lt;run&gt;/sweep.yaml          the sweep file every shard runs (a copy)
 * &lt;run&gt;/shard-plan.json     which points each shard runs
 * &lt;run&gt;/cluster.json        resources, the launcher command and every job submitted
 * &lt;run&gt;/slurm/*.sh          the array and merge scripts; slurm/logs/ their output
 * &lt;run&gt;/shards/shard-NN/    each shard's own results.csv and provenance.json
 * &lt;run&gt;/results.csv ...     the merged results, placement.csv and figures, once the merge job has run
 * </pre>
 */
public record ClusterRun(Path folder) {
    /** Sweep copy, cluster record and shard folder names. */
    public static final String SWEEP = "sweep.yaml";

    public static final String RECORD = "cluster.json";
    /** Key in {@link #RECORD}: the folder the submitted sweep file was in. */
    public static final String SWEEP_DIRECTORY = "sweep_directory";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ClusterRun {
        folder = folder.toAbsolutePath().normalize();
    }

    /** Opens an existing cluster run folder; a clear error when {@code folder} is not one. */
    public static ClusterRun open(Path folder) {
        ClusterRun run = new ClusterRun(folder);
        if (!Files.isRegularFile(run.folder().resolve(ShardPlan.FILE))
                || !Files.isRegularFile(run.folder().resolve(RECORD))) {
            throw new IllegalArgumentException(folder + " is not a cluster run folder (no " + ShardPlan.FILE + " and "
                    + RECORD + "; it is made by 'leakbench slurm submit')");
        }
        return run;
    }

    public Path planFile() {
        return folder.resolve(ShardPlan.FILE);
    }

    public Path slurmDir() {
        return folder.resolve("slurm");
    }

    public Path logs() {
        return slurmDir().resolve("logs");
    }

    public Path shardsRoot() {
        return folder.resolve("shards");
    }

    /** The run id of shard {@code index} (its folder under shards/). */
    public static String shardId(int index) {
        return String.format(java.util.Locale.ROOT, "shard-%02d", index);
    }

    public Path shardFolder(int index) {
        return shardsRoot().resolve(shardId(index));
    }

    public ShardPlan plan() throws IOException {
        return ShardPlan.read(planFile());
    }

    /** The sweep the shards run, parsed from the copy with the original origin. */
    public Sweep sweep() throws IOException {
        Path file = folder.resolve(SWEEP);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no sweep file at " + file);
        }
        String origin = String.valueOf(record().getOrDefault("sweep_origin", file.toString()));
        Sweep sweep = new SweepParser(ParameterRegistry.defaults())
                .parse(Files.readString(file, StandardCharsets.UTF_8), origin);
        // Relative file names (model.init) resolve against the submitted file's folder, not this copy's.
        Object directory = record().get(SWEEP_DIRECTORY);
        return directory == null ? sweep : sweep.withDirectory(Path.of(String.valueOf(directory)));
    }

    /** cluster.json as a map. */
    public Map<String, Object> record() throws IOException {
        Path file = folder.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    public void writeRecord(Map<String, Object> record) throws IOException {
        Path tmp = folder.resolve(RECORD + ".tmp");
        JSON.writeValue(tmp.toFile(), record);
        Files.move(
                tmp,
                folder.resolve(RECORD),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Appends a submitted job to cluster.json. */
    public void addJob(String kind, String id, List<Integer> shards) throws IOException {
        Map<String, Object> record = record();
        @SuppressWarnings("unchecked")
        List<Object> jobs = new ArrayList<>((List<Object>) record.getOrDefault("jobs", List.of()));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("kind", kind);
        job.put("id", id);
        job.put("shards", shards);
        job.put("submitted", Instant.now().toString());
        jobs.add(job);
        record.put("jobs", jobs);
        writeRecord(record);
    }

    /** The submitted jobs, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> jobs() throws IOException {
        return (List<Map<String, Object>>) record().getOrDefault("jobs", List.of());
    }
}
