package org.leakbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leakbench.cluster.ClusterRun;
import org.leakbench.cluster.ShardPlan;
import org.leakbench.cluster.ShardProgress;
import org.leakbench.cluster.SlurmClient;
import org.leakbench.cluster.SlurmQueue;
import org.leakbench.results.RunLayout;
import picocli.CommandLine.Command;

/** {@code leakbench slurm status RUN}: per-shard progress from the shards' own result files and the queue. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Per-shard progress of a cluster run: points done / total, failures, ETA (from the",
            "shards' results.csv), and the Slurm state of each task while it is queued or running."
        })
final class SlurmStatusCommand extends ClusterRunCommand {
    @Override
    int run(ClusterRun run, PrintWriter out) throws Exception {
        ShardPlan plan = run.plan();
        List<ShardProgress> progress = ShardProgress.of(run, plan);
        SlurmQueue queue = SlurmQueue.of(run, new SlurmClient(SlurmCommand.runners.get()));
        print(run, progress, queue, out);
        return 0;
    }

    static void print(ClusterRun run, List<ShardProgress> progress, SlurmQueue queue, PrintWriter w) {
        TextTable table =
                new TextTable(List.of("shard", "device", "state", "node", "done/total", "failed", "point time", "eta"));
        int done = 0;
        int total = 0;
        int failed = 0;
        long eta = 0;
        List<String> unfinished = new ArrayList<>();
        for (ShardProgress p : progress) {
            String[] q = queue.state(p.index());
            String state =
                    q != null ? q[0] : p.complete() ? "done" : p.done() + p.failed() == 0 ? "not started" : "stopped";
            if (q == null && p.unfinished()) {
                unfinished.add(Integer.toString(p.index()));
            }
            String node = q != null && !q[1].isEmpty() ? q[1] : p.node();
            table.add(List.of(
                    ClusterRun.shardId(p.index()),
                    p.device(),
                    state,
                    node,
                    p.done() + "/" + p.total(),
                    Integer.toString(p.failed()),
                    duration(p.pointMillis() / 1000),
                    p.complete() ? "-" : p.etaSeconds() < 0 ? "?" : duration(p.etaSeconds())));
            done += p.done();
            total += p.total();
            failed += p.failed();
            eta = Math.max(eta, p.etaSeconds());
        }
        w.println(run.folder().getFileName() + ": " + done + "/" + total + " points done, " + failed + " failed"
                + (done < total && eta > 0 ? ", about " + duration(eta) + " to go (slowest shard)" : ""));
        table.print(w);
        Map<String, Object> merge = queue.lastMerge();
        if (java.nio.file.Files.exists(run.folder().resolve(RunLayout.RESULTS))) {
            w.println("merged: " + run.folder().resolve(RunLayout.RESULTS));
        } else if (merge != null) {
            w.println("merge job " + merge.get("id")
                    + (queue.mergeQueued()
                            ? " waits for the shards"
                            : " has ended " + "without merging (see " + run.logs() + ")"));
        }
        if (!unfinished.isEmpty()) {
            w.println("unfinished and not queued: shards " + String.join(", ", unfinished) + "; rerun them with "
                    + "'leakbench slurm resubmit " + run.folder() + "'");
        }
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
        }
        return seconds / 86400 + "d" + String.format("%02d", seconds % 86400 / 3600) + "h";
    }
}
