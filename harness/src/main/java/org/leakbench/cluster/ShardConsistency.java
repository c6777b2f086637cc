package org.leakbench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.RunLayout;

/**
 * Refuses to merge or resume shards that did not come from the same sweep file and code version as the plan: a
 * merged results.csv must not mix points of two sweeps or of two builds without anyone noticing.
 */
public final class ShardConsistency {
    private ShardConsistency() {}

    /**
     * Checks every shard folder of {@code run} that has a provenance.json.
     *
     * @throws IllegalArgumentException naming the first shard whose sweep text, git commit or LeakBench version
     *         differs from the plan's
     */
    public static void check(ClusterRun run, ShardPlan plan) throws IOException {
        for (ShardPlan.Entry e : plan.shards()) {
            Path file = run.shardFolder(e.index()).resolve(RunLayout.PROVENANCE);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Map<String, Object> p = ProvenanceFile.read(file);
            Object sweep = p.get(ProvenanceFile.SWEEP);
            String source = sweep instanceof Map<?, ?> m ? String.valueOf(m.get(ProvenanceFile.SWEEP_SOURCE)) : "";
            String sha = ShardPlanner.sha256(source);
            if (!sha.equals(plan.sweepSha256())) {
                throw new IllegalArgumentException(file + ": this shard ran a different sweep file (sha256 "
                        + sha.substring(0, 12) + ") from the plan's ("
                        + plan.sweepSha256().substring(0, 12)
                        + "); shards of different sweeps cannot be merged");
            }
            String commit = String.valueOf(p.get(ProvenanceFile.GIT_COMMIT));
            String version = String.valueOf(p.get(ProvenanceFile.LEAKBENCH_VERSION));
            if (!commit.equals(plan.gitCommit()) || !version.equals(plan.leakbenchVersion())) {
                throw new IllegalArgumentException(file + ": this shard ran LeakBench " + version + " at commit "
                        + commit + ", the plan was made by " + plan.leakbenchVersion() + " at " + plan.gitCommit()
                        + "; shards of different code versions cannot be merged");
            }
        }
    }

    /** Fails when the running code is not the version the plan was made by (before a shard starts). */
    public static void checkRunningCode(ShardPlan plan, String commit, String version, Path planFile) {
        if (!commit.equals(plan.gitCommit()) || !version.equals(plan.leakbenchVersion())) {
            throw new IllegalArgumentException(planFile + " was made by LeakBench " + plan.leakbenchVersion()
                    + " at commit " + plan.gitCommit() + ", but this is " + version + " at " + commit
                    + "; submit a new run rather than mixing code versions in one");
        }
    }
}
