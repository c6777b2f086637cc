package org.leakbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leakbench.experiment.FedAvgExperiment;
import org.leakbench.fl.TrainingHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench demo fedavg}: FedAvg of an MLP over IID clients, test accuracy, time and upload per round. */
@Command(
        name = "fedavg",
        mixinStandardHelpOptions = true,
        description = "Train an MLP by FedAvg over IID clients (all in every round, no defense) and print test "
                + "accuracy, time and upload per round.")
public final class FedAvgDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DemoDataOptions data;

    @Option(
            names = "--dataset",
            defaultValue = "fashion-mnist",
            description = "fashion-mnist, fashion-mnist-subset, mnist, breast-cancer (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--clients", defaultValue = "10", description = "Clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--rounds", defaultValue = "10", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--local-epochs",
            defaultValue = "1",
            description = "Local epochs per round (default: ${DEFAULT-VALUE}).")
    int localEpochs;

    @Option(
            names = "--local-batch",
            defaultValue = "32",
            description = "Local minibatch size (default: ${DEFAULT-VALUE}).")
    int localBatch;

    @Option(names = "--lr", defaultValue = "0.1", description = "Local learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(
            names = "--hidden",
            defaultValue = "128",
            description = "Hidden units of the MLP (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of the partition and the training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        FedAvgExperiment e = new FedAvgExperiment(
                data.load(dataset),
                data.backend(),
                new FedAvgExperiment.Options(clients, rounds, localEpochs, localBatch, lr, hidden));
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "FedAvg %s on %s, %s%n", e.model().spec().label(), dataset, e.flOptions());
        long start = System.nanoTime();
        TrainingHistory h = e.run(seed);
        for (int r = 0; r < h.rounds(); r++) {
            out.printf(
                    Locale.ROOT,
                    "round %d: test accuracy %.4f, %.1f s, %.1f MB up%n",
                    r + 1,
                    h.testAccuracy()[r],
                    h.nanos()[r] / 1e9,
                    h.bytesUp()[r] / 1e6);
        }
        out.printf(
                Locale.ROOT,
                "final accuracy %.4f after %.1f s%n",
                h.finalAccuracy(),
                (System.nanoTime() - start) / 1e9);
        out.flush();
        return 0;
    }
}
