package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leakbench.cluster.ClusterMerge;
import org.leakbench.cluster.ClusterRun;
import org.leakbench.plots.PlotReport;
import org.leakbench.plots.Plots;
import org.leakbench.results.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code leakbench slurm merge RUN}: what the merge job runs; merges the shards and draws the figures. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the shards of a cluster run into its folder (results.csv, provenance.json,",
            "placement.csv) and draw the figures; refuses while points are missing or shards disagree."})
final class SlurmMergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<run>", description = "The cluster run folder.")
    Path folder;

    @Option(names = "--no-plots", description = "Merge only; draw the figures later with 'leakbench plot'.")
    boolean noPlots;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        ClusterRun run = ClusterRun.open(folder);
        ClusterMerge.Outcome outcome = ClusterMerge.merge(run);
        w.println("merged " + outcome.rows() + " rows into " + run.folder().resolve(RunLayout.RESULTS)
                + (outcome.failed() > 0 ? " (" + outcome.failed() + " failed or timed out; 'leakbench slurm "
                + "resubmit' retries them)" : ""));
        if (!noPlots) {
            PlotReport report = Plots.renderRun(run.folder());
            w.printf("%d figures, %d tables written to %s%n", report.figures().size(), report.tables().size(),
                    report.runDir());
        }
        return 0;
    }
}
