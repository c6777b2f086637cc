package org.leakbench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.Sweep;

/**
 * Prepares a cluster run folder (sweep copy, shard plan, scripts, cluster.json) and submits its array jobs and
 * the dependent merge job. Submitting again with a subset of shards is how a resubmission works: the same scripts,
 * an {@code --array} list of the shards to redo, and a fresh merge job after them.
 */
public final class ClusterSubmit {
    static final String CPU_SCRIPT = "shards-cpu.sh";
    static final String GPU_SCRIPT = "shards-gpu.sh";
    static final String MERGE_SCRIPT = "merge.sh";

    private ClusterSubmit() {}

    /**
     * Writes the run folder for {@code sweep} split by {@code plan}.
     *
     * @throws IllegalArgumentException when the folder already holds a run, or the plan leaves a shard empty
     */
    public static ClusterRun prepare(
            Sweep sweep, ShardPlan plan, Path folder, SlurmResources resources, List<String> launcher)
            throws IOException {
        ClusterRun run = new ClusterRun(folder);
        if (Files.exists(run.planFile()) || Files.exists(run.folder().resolve(RunLayout.RESULTS))) {
            throw new IllegalArgumentException(run.folder() + " already holds a run; choose another --run-id, or "
                    + "use 'leakbench slurm resubmit' to continue it");
        }
        for (ShardPlan.Entry e : plan.shards()) {
            if (e.points().isEmpty()) {
                throw new IllegalArgumentException(
                        "the shard plan leaves shard " + e.index() + " without points; " + "use fewer --shards");
            }
        }
        Files.createDirectories(run.logs());
        Files.createDirectories(run.shardsRoot());
        Files.writeString(run.folder().resolve(ClusterRun.SWEEP), sweep.source(), StandardCharsets.UTF_8);
        plan.write(run.planFile());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sweep_name", sweep.name());
        record.put("sweep_origin", sweep.origin());
        record.put(ClusterRun.SWEEP_DIRECTORY, sweep.directory().toString());
        record.put("resources", resources);
        record.put("launcher", launcher);
        record.put("jobs", List.of());
        run.writeRecord(record);
        List<Integer> cpu = plan.indicesOn("cpu");
        List<Integer> gpu = plan.indicesOn("gpu");
        if (!cpu.isEmpty()) {
            script(run.slurmDir().resolve(CPU_SCRIPT), SlurmScripts.array(run, cpu, false, resources, launcher));
        }
        if (!gpu.isEmpty()) {
            script(run.slurmDir().resolve(GPU_SCRIPT), SlurmScripts.array(run, gpu, true, resources, launcher));
        }
        script(run.slurmDir().resolve(MERGE_SCRIPT), SlurmScripts.merge(run, resources, launcher));
        return run;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: sbatch reads the script without the executable bit
        }
    }

    /**
     * Submits the array tasks of {@code shards} (all when null) and a merge job that starts when they have all
     * ended; returns the job ids, arrays first.
     */
    public static List<String> submit(ClusterRun run, SlurmClient slurm, List<Integer> shards) throws IOException {
        ShardPlan plan = run.plan();
        List<String> ids = new ArrayList<>();
        for (String device : List.of("cpu", "gpu")) {
            List<Integer> mine = new ArrayList<>(plan.indicesOn(device));
            if (shards != null) {
                mine.retainAll(shards);
            }
            if (mine.isEmpty()) {
                continue;
            }
            Path script = run.slurmDir().resolve(device.equals("cpu") ? CPU_SCRIPT : GPU_SCRIPT);
            String id = slurm.submit(script, List.of("--array=" + SlurmScripts.ranges(mine)));
            run.addJob("shards-" + device, id, mine);
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no shard to submit");
        }
        // afterany: the merge job also runs after a failed shard, to say which shards to resubmit
        ids.add(submitMerge(run, slurm, ids));
        return ids;
    }

    /** Submits the merge job alone, after {@code after} (job ids; none: at once); returns its id. */
    public static String submitMerge(ClusterRun run, SlurmClient slurm, List<String> after) throws IOException {
        List<String> options = after.isEmpty()
                ? List.of()
                : List.of("--dependency=afterany:" + String.join(":", after), "--kill-on-invalid-dep=yes");
        String merge = slurm.submit(run.slurmDir().resolve(MERGE_SCRIPT), options);
        run.addJob("merge", merge, List.of());
        return merge;
    }
}
