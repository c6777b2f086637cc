package org.leakbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.leakbench.experiment.CuriousClientCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench demo curious-client}: what a curious participant recovers of the others, as CSV. */
@Command(
        name = "curious-client",
        mixinStandardHelpOptions = true,
        description = "Print, as CSV, what a curious client recovers of the other participants' images (one per "
                + "client) in one FedSGD round, versus their number.")
public final class CuriousClientDemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DemoDataOptions data;

    @Option(
            names = "--dataset",
            defaultValue = "fashion-mnist-subset",
            description = "An image data set: fashion-mnist-subset, fashion-mnist, mnist (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(
            names = "--others",
            split = ",",
            defaultValue = "1,2,4,8",
            description = "Numbers of other participants (default: ${DEFAULT-VALUE}).")
    int[] others;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "1,2",
            description = "Seeds; seed s attacks the test images from 7 + 40*s on (default: ${DEFAULT-VALUE}).")
    long[] seeds;

    @Option(
            names = "--attacks",
            split = ",",
            defaultValue = "analytic,dlg",
            description = "analytic (closed form on an MLP) and/or dlg (on LeNet) (default: ${DEFAULT-VALUE}).")
    List<CuriousClientCurve.Pairing> attacks;

    @Override
    public Integer call() {
        for (int n : others) {
            if (n < 1) {
                throw new IllegalArgumentException("--others: every count must be >= 1, got " + n);
            }
        }
        List<CuriousClientCurve.Row> rows =
                new CuriousClientCurve(data.load(dataset), data.backend()).run(others, seeds, List.copyOf(attacks));
        PrintWriter out = spec.commandLine().getOut();
        out.println(CuriousClientCurve.HEADER);
        rows.forEach(r -> out.println(r.csv()));
        out.flush();
        return 0;
    }
}
