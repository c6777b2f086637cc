package org.leakbench.cli;

import java.util.function.Supplier;
import org.leakbench.cluster.CommandRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code leakbench slurm}: run a sweep as a Slurm job array (submit, status, resubmit; merge and run-shard). */
@Command(
        name = "slurm",
        mixinStandardHelpOptions = true,
        description = {
            "Run a sweep on a Slurm cluster as a job array of cost-balanced shards, merged by a",
            "dependent job: submit it, watch its progress, resubmit unfinished shards."
        },
        subcommands = {
            SlurmSubmitCommand.class,
            SlurmStatusCommand.class,
            SlurmResubmitCommand.class,
            SlurmMergeCommand.class,
            SlurmRunShardCommand.class
        })
final class SlurmCommand implements Runnable {
    /** Finds and runs sbatch, sinfo and squeue; tests swap in a search path of stand-in commands. */
    static Supplier<CommandRunner> runners = CommandRunner::system;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing subcommand; choose one of " + spec.subcommands().keySet());
    }
}
