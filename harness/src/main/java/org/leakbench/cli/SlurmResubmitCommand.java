package org.leakbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.leakbench.cluster.ClusterRun;
import org.leakbench.cluster.ClusterSubmit;
import org.leakbench.cluster.ShardConsistency;
import org.leakbench.cluster.ShardPlan;
import org.leakbench.cluster.ShardProgress;
import org.leakbench.cluster.SlurmClient;
import org.leakbench.cluster.SlurmQueue;
import org.leakbench.results.RunLayout;
import picocli.CommandLine.Command;

/** {@code leakbench slurm resubmit RUN}: reruns the shards with missing or failed points, then merges again. */
@Command(
        name = "resubmit",
        mixinStandardHelpOptions = true,
        description = {
            "Resubmit the shards of a cluster run that have points missing or failed (and are not",
            "queued or running), with a new merge job after them. Each shard resumes where it stopped."
        })
final class SlurmResubmitCommand extends ClusterRunCommand {
    @Override
    int run(ClusterRun run, PrintWriter w) throws Exception {
        ShardPlan plan = run.plan();
        SlurmClient slurm = new SlurmClient(SlurmCommand.runners.get());
        slurm.requireSbatch();
        ShardConsistency.check(run, plan);
        SlurmQueue queue = SlurmQueue.of(run, slurm);
        List<Integer> redo = new ArrayList<>();
        List<Integer> busy = new ArrayList<>();
        for (ShardProgress p : ShardProgress.of(run, plan)) {
            if (p.unfinished()) {
                (queue.state(p.index()) != null ? busy : redo).add(p.index());
            }
        }
        if (!busy.isEmpty()) {
            w.println("still queued or running, left alone: shards " + busy);
        }
        if (redo.isEmpty()
                && busy.isEmpty()
                && !queue.mergeQueued()
                && !java.nio.file.Files.exists(run.folder().resolve(RunLayout.RESULTS))) {
            String merge = ClusterSubmit.submitMerge(run, slurm, List.of());
            w.println("every shard is complete; submitted merge job " + merge);
            return 0;
        }
        if (redo.isEmpty()) {
            w.println(busy.isEmpty() ? "every shard is complete; nothing to resubmit" : "nothing else to resubmit");
            return 0;
        }
        List<String> ids = ClusterSubmit.submit(run, slurm, redo);
        w.println("resubmitted shards " + redo + " as job" + (ids.size() > 2 ? "s " : " ")
                + String.join(", ", ids.subList(0, ids.size() - 1)) + ", merge job " + ids.get(ids.size() - 1));
        return 0;
    }
}
