package org.leakbench.cli;

import java.io.PrintWriter;
import org.leakbench.cluster.ClusterRun;
import org.leakbench.cluster.ShardRunner;
import org.leakbench.sweep.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leakbench slurm run-shard RUN INDEX}: what each array task runs. */
@Command(
        name = "run-shard",
        mixinStandardHelpOptions = true,
        description = {"Run one shard of a cluster run (the array task's job); resumes a shard that stopped."})
final class SlurmRunShardCommand extends ClusterRunCommand {
    @Parameters(index = "1", paramLabel = "<index>", description = "Shard index (SLURM_ARRAY_TASK_ID).")
    int index;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Points run at once.")
    int threads;

    @Option(names = "--executor", paramLabel = "NAME", description = "Point executor when several are registered.")
    String executorName;

    @Override
    int run(ClusterRun run, PrintWriter out) throws Exception {
        RunSummary summary = ShardRunner.run(run, index, threads, ExecutorLookup.find(executorName), System.getenv());
        out.println(summary);
        return summary.failed() + summary.timedOut() > 0 ? 1 : 0;
    }
}
