package org.leakbench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.PointExecutorFactory;
import org.leakbench.sweep.RunOptions;
import org.leakbench.sweep.RunSummary;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepRunner;
import org.leakbench.sweep.SystemInfo;

/**
 * Runs one shard of a cluster run (what an array task does): the plan's points for that index, into
 * {@code shards/shard-NN/} with the single-run resume logic unchanged, then records the node and device of every
 * point it finished.
 */
public final class ShardRunner {
    private ShardRunner() {}

    /**
     * Runs shard {@code index} of {@code run} on {@code threads} threads.
     *
     * @throws IllegalArgumentException when the running code is not the plan's version
     */
    public static RunSummary run(
            ClusterRun run, int index, int threads, PointExecutorFactory executors, Map<String, String> env)
            throws Exception {
        ShardPlan plan = run.plan();
        ShardConsistency.checkRunningCode(
                plan, String.valueOf(SystemInfo.git().get("commit")), SystemInfo.leakbenchVersion(), run.planFile());
        Sweep sweep = run.sweep();
        String sha = ShardPlanner.sha256(sweep.source());
        if (!sha.equals(plan.sweepSha256())) {
            throw new IllegalArgumentException(run.folder().resolve(ClusterRun.SWEEP) + " no longer matches the "
                    + "sweep the plan was made for; submit a new run");
        }
        RunOptions options = new RunOptions(
                run.shardsRoot(), ClusterRun.shardId(index), threads, false, plan.shard(index), false, null);
        Path folder = run.shardFolder(index);
        Set<String> before = finished(folder);
        ShardPlacement.record(folder, index, plan.shards().get(index).points(), before, env);
        RunSummary summary;
        try (var executor = executors.create(sweep)) {
            summary = new SweepRunner(sweep, executor, options).run();
        }
        Path prov = folder.resolve(RunLayout.PROVENANCE);
        Map<String, Object> p = ProvenanceFile.read(prov);
        p.put(ProvenanceFile.NODE, ShardPlacement.node(env));
        p.put(ProvenanceFile.DEVICE, ShardPlacement.device(env));
        p.put(ProvenanceFile.SLURM_JOB, ShardPlacement.job(env));
        ProvenanceFile.write(prov, p);
        return summary;
    }

    /** Keys of the points the folder already holds an ok or diverged row for. */
    private static Set<String> finished(Path folder) throws IOException {
        Set<String> done = new HashSet<>();
        Path csv = folder.resolve(RunLayout.RESULTS);
        if (!Files.isRegularFile(csv) || Files.size(csv) == 0) {
            return done;
        }
        ResultTable table = ResultTable.read(csv);
        int status = table.column(ResultColumns.STATUS);
        for (List<String> row : table.latest()) {
            String s = row.get(status);
            if (ResultColumns.isFinal(s)) {
                done.add(table.key(row));
            }
        }
        return done;
    }
}
