package org.leakbench.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.sweep.Shard;

/**
 * Which points each shard of a cluster run runs, written as {@code shard-plan.json} in the run folder so that
 * every array task, the status screen and the merge read the same assignment.
 *
 * @param sweepSha256 SHA-256 of the sweep file's text the plan was made for
 * @param gitCommit the code version that made the plan
 * @param leakbenchVersion the LeakBench version that made the plan
 * @param costSource where the expected costs came from
 * @param shards the shards, index 0..n-1
 */
public record ShardPlan(
        String sweepSha256, String gitCommit, String leakbenchVersion, String costSource, List<Entry> shards) {
    /** The file name inside a run folder. */
    public static final String FILE = "shard-plan.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One shard.
     *
     * @param index 0-based shard index (the array task id)
     * @param device "cpu" or "gpu"
     * @param cost expected cost of its points
     * @param points "point_id|seed" keys in sweep order
     */
    public record Entry(int index, String device, double cost, List<String> points) {
        public Entry {
            points = List.copyOf(points);
        }
    }

    public ShardPlan {
        shards = List.copyOf(shards);
        for (int i = 0; i < shards.size(); i++) {
            if (shards.get(i).index() != i) {
                throw new IllegalArgumentException(
                        "shard plan: shard " + i + " has index " + shards.get(i).index());
            }
        }
    }

    /** The {@link Shard} that runs shard {@code index}'s points. */
    public Shard shard(int index) {
        if (index < 0 || index >= shards.size()) {
            throw new IllegalArgumentException(
                    "shard " + index + " is not in the plan (shards 0.." + (shards.size() - 1) + ")");
        }
        return Shard.of(index, shards.size(), new HashSet<>(shards.get(index).points()));
    }

    /** Indices of the shards on {@code device}. */
    public List<Integer> indicesOn(String device) {
        return shards.stream()
                .filter(e -> e.device().equals(device))
                .map(Entry::index)
                .toList();
    }

    /** Every key of every shard. */
    public Set<String> allPoints() {
        Set<String> all = new HashSet<>();
        shards.forEach(e -> all.addAll(e.points()));
        return all;
    }

    /** Slowest shard's expected cost over the mean over the shards of {@code device} (or all when null). */
    public double balance(String device) {
        double max = 0;
        double sum = 0;
        int n = 0;
        for (Entry e : shards) {
            if (device == null || e.device().equals(device)) {
                max = Math.max(max, e.cost());
                sum += e.cost();
                n++;
            }
        }
        return n == 0 || sum == 0 ? 1.0 : max / (sum / n);
    }

    /** Writes the plan as JSON. */
    public void write(Path file) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep_sha256", sweepSha256);
        m.put("git_commit", gitCommit);
        m.put("leakbench_version", leakbenchVersion);
        m.put("cost_source", costSource);
        m.put("balance_cpu", indicesOn("cpu").isEmpty() ? null : balance("cpu"));
        m.put("balance_gpu", indicesOn("gpu").isEmpty() ? null : balance("gpu"));
        m.put("shards", shards);
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), m);
    }

    /** Reads a plan written by {@link #write}; a clear error naming the file when it is not one. */
    public static ShardPlan read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no shard plan at " + file + " (is this a 'leakbench slurm submit' run " + "folder?)");
        }
        try {
            var node = JSON.readTree(file.toFile());
            List<Entry> entries = new java.util.ArrayList<>();
            for (var s : node.path("shards")) {
                List<String> points = new java.util.ArrayList<>();
                s.path("points").forEach(p -> points.add(p.asText()));
                entries.add(new Entry(
                        s.get("index").asInt(),
                        s.get("device").asText(),
                        s.get("cost").asDouble(),
                        points));
            }
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("no shards");
            }
            return new ShardPlan(
                    node.path("sweep_sha256").asText(),
                    node.path("git_commit").asText(),
                    node.path("leakbench_version").asText(),
                    node.path("cost_source").asText(),
                    entries);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + ": not a readable shard plan: " + e.getMessage(), e);
        }
    }
}
