package org.leakbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.leakbench.experiment.DpSgdUtilityCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench demo dp-sgd-utility}: DP-SGD's test accuracy versus ε, one CSV row per noise multiplier. */
@Command(
        name = "dp-sgd-utility",
        mixinStandardHelpOptions = true,
        description = "Print, as CSV, the test accuracy and epsilon of an MLP trained centrally by DP-SGD, one row "
                + "per noise multiplier (0 = plain SGD).")
public final class DpSgdUtilityDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DemoDataOptions data;

    @Option(
            names = "--dataset",
            defaultValue = "fashion-mnist-subset",
            description = "fashion-mnist, fashion-mnist-subset, mnist, breast-cancer (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "256", description = "Expected batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1.0", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(
            names = "--sigmas",
            split = ",",
            defaultValue = "0.8,1.5,4",
            description = "Noise multipliers (default: ${DEFAULT-VALUE}).")
    double[] sigmas;

    @Option(
            names = "--clip",
            defaultValue = "1.0",
            description = "Per-example clipping norm C (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--delta", defaultValue = "1e-5", description = "Target delta (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of initialisation, batches and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        var rows = new DpSgdUtilityCurve(data.load(dataset), data.backend())
                .run(epochs, batch, lr, clip, delta, sigmas, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.println(DpSgdUtilityCurve.HEADER);
        rows.forEach(r -> out.println(r.csv()));
        out.flush();
        return 0;
    }
}
