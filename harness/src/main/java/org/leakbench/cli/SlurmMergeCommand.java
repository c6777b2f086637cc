package org.leakbench.cli;

import java.io.PrintWriter;
import org.leakbench.cluster.ClusterMerge;
import org.leakbench.cluster.ClusterRun;
import org.leakbench.plots.Plots;
import org.leakbench.results.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leakbench slurm merge RUN}: what the merge job runs; merges the shards and draws the figures. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merge the shards of a cluster run into its folder (results.csv, provenance.json,",
            "placement.csv) and draw the figures; refuses while points are missing or shards disagree."
        })
final class SlurmMergeCommand extends ClusterRunCommand {
    @Option(names = "--no-plots", description = "Merge only; draw the figures later with 'leakbench plot'.")
    boolean noPlots;

    @Override
    int run(ClusterRun run, PrintWriter w) throws Exception {
        ClusterMerge.Outcome outcome = ClusterMerge.merge(run);
        w.println("merged " + outcome.rows() + " rows into " + run.folder().resolve(RunLayout.RESULTS)
                + (outcome.failed() > 0
                        ? " (" + outcome.failed() + " failed or timed out; 'leakbench slurm "
                                + "resubmit' retries them)"
                        : ""));
        if (!noPlots) {
            RunFolderRenderCommand.printWritten(Plots.renderRun(run.folder()), w);
        }
        return 0;
    }
}
