package org.leakbench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.ResultMerger;
import org.leakbench.sweep.RunFolders;

/**
 * Merges the shards of a cluster run into its folder once every planned point has a row: checks that all shards
 * ran the plan's sweep and code version, merges their results with {@link ResultMerger}, writes placement.csv and
 * adds the shard plan and jobs to the merged provenance.
 */
public final class ClusterMerge {
    private ClusterMerge() {}

    /**
     * What the merge did.
     *
     * @param rows rows of the merged results.csv
     * @param failed points whose row is failed or timeout
     * @param placed points with a placement line
     */
    public record Outcome(int rows, int failed, int placed) {}

    /**
     * Merges {@code run}.
     *
     * @throws IllegalArgumentException when shards differ in sweep or code version, or points have no row yet
     */
    public static Outcome merge(ClusterRun run) throws IOException {
        ShardPlan plan = run.plan();
        ShardConsistency.check(run, plan);
        List<ShardProgress> progress = ShardProgress.of(run, plan);
        List<String> missing = new ArrayList<>();
        int failed = 0;
        int absent = 0;
        for (ShardProgress p : progress) {
            int withRow = p.done() + p.failed();
            if (withRow < p.total()) {
                missing.add(Integer.toString(p.index()));
                absent += p.total() - withRow;
            }
            failed += p.failed();
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(run.folder().getFileName() + ": " + absent + " points have no result "
                    + "yet (shards " + String.join(", ", missing) + "); 'leakbench slurm resubmit " + run.folder()
                    + "' runs them again");
        }
        List<Path> inputs = new ArrayList<>();
        for (ShardPlan.Entry e : plan.shards()) {
            inputs.add(run.shardFolder(e.index()));
        }
        ResultMerger.Summary summary = ResultMerger.merge(inputs, run.folder());
        int placed = ShardPlacement.merge(run, plan);
        Path prov = run.folder().resolve(RunLayout.PROVENANCE);
        if (Files.isRegularFile(prov)) {
            Map<String, Object> p = ProvenanceFile.read(prov);
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("shard_plan", ShardPlan.FILE);
            cluster.put("placement", ShardPlacement.FILE);
            cluster.put("cost_source", plan.costSource());
            cluster.put("balance_cpu", plan.indicesOn("cpu").isEmpty() ? null : plan.balance("cpu"));
            cluster.put("balance_gpu", plan.indicesOn("gpu").isEmpty() ? null : plan.balance("gpu"));
            cluster.put("jobs", run.jobs());
            p.put(ProvenanceFile.CLUSTER, cluster);
            ProvenanceFile.write(prov, p);
        }
        RunFolders.markLatest(run.folder().getParent(), run.folder());
        return new Outcome(summary.rows(), failed, placed);
    }
}
