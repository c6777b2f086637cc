package org.leakbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code leakbench demo}: small experiments that show one effect each, printed as text or CSV. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run a small experiment: FedAvg utility, the curious-client curve, DP-SGD accuracy versus "
                + "epsilon.",
        subcommands = {
            FedAvgDemoCommand.class,
            CuriousClientDemoCommand.class,
            DpSgdUtilityDemoCommand.class,
        })
public final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing demo; choose one of " + spec.subcommands().keySet());
    }
}
