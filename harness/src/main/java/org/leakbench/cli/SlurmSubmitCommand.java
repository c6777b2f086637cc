package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.leakbench.cluster.ClusterRun;
import org.leakbench.cluster.ClusterSubmit;
import org.leakbench.cluster.CostModel;
import org.leakbench.cluster.ShardPlan;
import org.leakbench.cluster.ShardPlanner;
import org.leakbench.cluster.SlurmClient;
import org.leakbench.cluster.SlurmResources;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Presets;
import org.leakbench.sweep.RunFolders;
import org.leakbench.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakbench slurm submit}: plans the shards, writes the scripts into the run folder and submits them. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        description = {
            "Plan cost-balanced shards of a sweep, write the job-array and merge scripts into",
            "results/<run-id>/slurm/ and submit them with sbatch (the merge job waits for every shard)."
        })
final class SlurmSubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<file-or-preset>", description = "Sweep YAML file or preset name.")
    String source;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "Number of shards (array tasks).")
    int shards;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (checked with sinfo).")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "Wall-time limit per shard, e.g. 12:00:00.")
    String time;

    @Option(
            names = "--cpus",
            paramLabel = "C",
            defaultValue = "4",
            description = "CPUs per shard; also the points a shard runs at once (default: ${DEFAULT-VALUE}).")
    int cpus;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per shard, e.g. 8G (the JVM heap is 3/4 of it).")
    String mem;

    @Option(
            names = "--gpus",
            paramLabel = "G",
            defaultValue = "0",
            description = "GPUs per GPU shard; nd4j-backend points then run on GPU shards, the rest on CPU shards.")
    int gpus;

    @Option(names = "--account", paramLabel = "A", description = "Slurm account to charge.")
    String account;

    @Option(
            names = "--costs-from",
            paramLabel = "RUN",
            description = "Balance by the time_ms of an earlier run (folder or results.csv) instead of the estimate.")
    Path costsFrom;

    @Option(names = "--out", paramLabel = "DIR", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--run-id", paramLabel = "ID", description = "Run folder name (default: <name>-<timestamp>).")
    String runId;

    @Option(names = "--plan-only", description = "Write the run folder, plan and scripts, but do not submit.")
    boolean planOnly;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        SlurmResources resources = new SlurmResources(partition, time, cpus, mem, gpus, account);
        Sweep sweep = Presets.resolve(source, ParameterRegistry.defaults());
        SlurmClient slurm = new SlurmClient(SlurmCommand.runners.get());
        if (!planOnly) { // every check that needs the scheduler comes before anything is written or submitted
            slurm.requireSbatch();
            if (partition != null) {
                slurm.requirePartition(partition);
            }
        }
        CostModel costs = costsFrom == null ? CostModel.estimate() : CostModel.fromTimings(costsFrom, sweep.points());
        ShardPlan plan = ShardPlanner.plan(sweep, shards, gpus > 0, costs);
        String id = runId == null ? RunFolders.newRunId(sweep.name()) : runId;
        if (!id.matches("[A-Za-z0-9._-]+") || id.equals(RunLayout.LATEST)) {
            throw new IllegalArgumentException("--run-id '" + id + "' must use only letters, digits, '.', '_', '-'");
        }
        ClusterRun run = ClusterSubmit.prepare(sweep, plan, out.resolve(id), resources, Launcher.command(resources));
        w.printf(
                "%s: %d points in %d shards (%d cpu, %d gpu); slowest shard %.2fx the mean expected cost%n",
                run.folder(),
                sweep.points().size(),
                shards,
                plan.indicesOn("cpu").size(),
                plan.indicesOn("gpu").size(),
                plan.balance(null));
        if (planOnly) {
            w.println("not submitted; submit with: sbatch " + run.slurmDir() + "/<script>, or 'leakbench slurm "
                    + "resubmit " + run.folder() + "'");
            return 0;
        }
        List<String> ids = ClusterSubmit.submit(run, slurm, null);
        List<String> arrays = new ArrayList<>(ids.subList(0, ids.size() - 1));
        w.println("submitted shard array" + (arrays.size() > 1 ? "s " : " ") + String.join(", ", arrays)
                + " and merge job " + ids.get(ids.size() - 1));
        w.println("progress: leakbench slurm status " + run.folder());
        return 0;
    }
}
