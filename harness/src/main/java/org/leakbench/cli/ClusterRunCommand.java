package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leakbench.cluster.ClusterRun;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A {@code leakbench slurm} subcommand that works on a cluster run folder that {@code submit} wrote. */
abstract class ClusterRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<run>", description = "The cluster run folder.")
    Path folder;

    @Override
    public final Integer call() throws Exception {
        return run(ClusterRun.open(folder), spec.commandLine().getOut());
    }

    /** The command's work on the opened run, printing to {@code out}; returns the exit code. */
    abstract int run(ClusterRun run, PrintWriter out) throws Exception;
}
