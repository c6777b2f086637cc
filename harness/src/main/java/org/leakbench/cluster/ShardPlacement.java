package org.leakbench.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each point ran: {@code placement.csv} (point_id, seed, shard, node, device, job). Before an attempt starts,
 * a shard appends one line per point it is about to run (those without an ok or diverged row), so a point redone
 * after a kill or a resubmission names the attempt that produced its row; the merge concatenates the shards'
 * files, the last line of a point winning.
 */
public final class ShardPlacement {
    /** The file name, in each shard folder and in the merged run folder. */
    public static final String FILE = "placement.csv";

    static final String HEADER = "point_id,seed,shard,node,device,job";

    private ShardPlacement() {}

    /** This process's node: Slurm's node name, else the host name. */
    public static String node(Map<String, String> env) {
        String n = env.get("SLURMD_NODENAME");
        if (n != null && !n.isBlank()) {
            return n;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** "gpu:" and the visible devices when Slurm gave this task GPUs, else "cpu". */
    public static String device(Map<String, String> env) {
        String gpus = env.getOrDefault("CUDA_VISIBLE_DEVICES", env.get("SLURM_JOB_GPUS"));
        return gpus == null || gpus.isBlank() ? "cpu" : "gpu:" + gpus;
    }

    /** The array task's id ("job_task"), else the job id, else "". */
    public static String job(Map<String, String> env) {
        String array = env.get("SLURM_ARRAY_JOB_ID");
        String task = env.get("SLURM_ARRAY_TASK_ID");
        if (array != null && task != null) {
            return array + "_" + task;
        }
        return env.getOrDefault("SLURM_JOB_ID", "");
    }

    /** Appends a line for each of {@code planned} (keys "point_id|seed") not in {@code finished}. */
    static void record(Path shardFolder, int shard, List<String> planned, Set<String> finished, Map<String, String> env)
            throws IOException {
        Files.createDirectories(shardFolder);
        StringBuilder sb = new StringBuilder();
        Path file = shardFolder.resolve(FILE);
        if (!Files.exists(file)) {
            sb.append(HEADER).append('\n');
        }
        String tail = "," + shard + "," + node(env) + "," + device(env) + "," + job(env);
        for (String key : planned) {
            if (!finished.contains(key)) {
                sb.append(key.replace('|', ',')).append(tail).append('\n');
            }
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Writes the run's placement.csv from the shards' files; returns the number of points placed. */
    static int merge(ClusterRun run, ShardPlan plan) throws IOException {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (ShardPlan.Entry e : plan.shards()) {
            Path file = run.shardFolder(e.index()).resolve(FILE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] cells = line.split(",", 3);
                if (cells.length == 3) {
                    byKey.put(cells[0] + "|" + cells[1], line);
                }
            }
        }
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        byKey.values().forEach(l -> sb.append(l).append('\n'));
        Files.writeString(run.folder().resolve(FILE), sb, StandardCharsets.UTF_8);
        return byKey.size();
    }
}
