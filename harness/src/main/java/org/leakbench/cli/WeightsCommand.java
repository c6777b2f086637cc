package org.leakbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.leakbench.data.DataDirectory;
import org.leakbench.pipeline.WeightsExport;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench weights}: a victim's weights as PyTorch state_dicts in safetensors. */
@Command(
        name = "weights",
        mixinStandardHelpOptions = true,
        description = "Victim weights as PyTorch state_dicts (safetensors), for the sweep parameter model.init.",
        subcommands = {WeightsCommand.Export.class})
public final class WeightsCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing command; choose one of " + spec.subcommands().keySet());
    }

    /** {@code leakbench weights export}: the seeded initial weights of a sweep point's victim. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write the initial weights a sweep gives the victim (same model, data set and seed) as a "
                    + "safetensors state_dict; edit it in PyTorch and load it back with model.init.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", defaultValue = "lenet", description = "Victim model (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(
                names = "--dataset",
                defaultValue = "fashion-mnist-subset",
                description = "Data set; its class count and sample shape size the model (default: ${DEFAULT-VALUE}).")
        String dataset;

        @Option(names = "--seed", defaultValue = "1", description = "Sweep seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--set",
                paramLabel = "NAME=VALUE",
                description = "Another sweep parameter of the point, e.g. --set model.width=0.5 (repeatable).")
        List<String> sets = new ArrayList<>();

        @Option(names = "--data-dir", description = "Folder with the files of the data sets.")
        Path dataDir;

        @Option(names = "--out", required = true, description = "The .safetensors file to write.")
        Path out;

        @Override
        public Integer call() {
            DataDirectory.set(dataDir);
            StringBuilder yaml = new StringBuilder("name: weights\nseeds: [" + seed + "]\ngrid:\n");
            yaml.append("  model: [").append(model).append("]\n");
            yaml.append("  dataset: [").append(dataset).append("]\n");
            for (String s : sets) {
                int eq = s.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--set needs NAME=VALUE, got '" + s + "'");
                }
                yaml.append("  ")
                        .append(s, 0, eq)
                        .append(": [")
                        .append(s.substring(eq + 1))
                        .append("]\n");
            }
            Sweep sweep = new SweepParser(ParameterRegistry.defaults()).parse(yaml.toString(), "command line");
            spec.commandLine().getOut().println(WeightsExport.export(sweep, out));
            return 0;
        }
    }
}
