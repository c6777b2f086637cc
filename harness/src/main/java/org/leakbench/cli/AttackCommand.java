package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.Requirement;
import org.leakbench.data.DataDirectory;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.PointExecutor;
import org.leakbench.sweep.RunFolders;
import org.leakbench.sweep.RunOptions;
import org.leakbench.sweep.RunSummary;
import org.leakbench.sweep.Shard;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;
import org.leakbench.sweep.SweepRunner;
import org.leakbench.sweep.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leakbench attack}: one attack on one victim batch, written as a one-point run (results.csv,
 * provenance.json and the reconstruction grid) and printed. It goes through the same validation and
 * pipeline as a sweep, so its numbers are comparable with a sweep's.
 */
@Command(
        name = "attack",
        mixinStandardHelpOptions = true,
        description = "Run one attack on one victim batch and write its metrics and image grid.")
public final class AttackCommand implements Callable<Integer> {
    @Option(
            names = "--attack",
            defaultValue = "dlg",
            description = "dlg, idlg, ig, analytic, rtf, oracle, random (default: ${DEFAULT-VALUE}).")
    String attack;

    @Option(
            names = "--model",
            defaultValue = "lenet",
            description = "lenet, mlp or logistic (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--width",
            defaultValue = "1.0",
            description = "Model width multiplier (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--depth", defaultValue = "2", description = "MLP hidden layers (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(
            names = "--dataset",
            defaultValue = "fashion-mnist-subset",
            description = "fashion-mnist, fashion-mnist-subset, mnist, breast-cancer (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--batch", defaultValue = "1", description = "Victim batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--index",
            defaultValue = "0",
            description = "First test image of the victim batch (default: ${DEFAULT-VALUE}).")
    int index;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", description = "Attack iterations (default: the attack's own, listed below).")
    Integer iterations;

    @Option(
            names = "--defense",
            defaultValue = "none",
            description = "Defense on the update (default: ${DEFAULT-VALUE}).")
    String defense;

    @Option(names = "--param", description = "The defense's main parameter (default: the defense's own, listed below).")
    Double param;

    @Option(
            names = "--rounds",
            defaultValue = "0",
            description = "Federated training rounds (same defense) for a test-accuracy figure; 0 runs the attack "
                    + "alone and prints no accuracy (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--backend",
            defaultValue = "java",
            description = "java or nd4j; ejml is java's former name (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--data-dir", description = "Folder with the files of fashion-mnist, mnist, cifar10 or cifar100.")
    Path dataDir;

    @Option(names = "--out", defaultValue = "results", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The help's footer: each attack's and defense's own defaults, from the component registry. */
    static String defaultsFooter() {
        ComponentRegistry registry = ComponentRegistry.installed();
        StringBuilder sb = new StringBuilder(
                "%nDefaults per attack (--attack; 'leakbench sweep --list-parameters' " + "lists every parameter):%n");
        for (Component c : registry.all(ComponentKind.ATTACK)) {
            List<String> values = c.descriptor().ownParameters().stream()
                    .map(s -> s.name() + " = " + Values.format(s.defaultValue()))
                    .toList();
            for (int i = 0; i < Math.max(1, values.size()); i++) { // one per line: the help wraps at 80 columns
                sb.append(
                        String.format("  %-13s %s%%n", i == 0 ? c.name() : "", values.isEmpty() ? "-" : values.get(i)));
            }
        }
        sb.append("%nMain parameter per defense (--param): default, range, unit:%n");
        for (Component c : registry.all(ComponentKind.DEFENSE)) {
            String main = c.descriptor()
                    .mainParameter()
                    .map(s -> s.name() + " = " + Values.format(s.defaultValue()) + " in " + s.range() + ", " + s.unit())
                    .orElse("-");
            sb.append(String.format("  %-13s %s%%n", c.name(), main));
        }
        return sb.toString();
    }

    /** Whether the attack changes the model the server sends: then the run's threat is the malicious server. */
    private boolean maliciousServer() {
        return ComponentRegistry.installed()
                .find(ComponentKind.ATTACK, attack)
                .map(c -> c.needs(Requirement.MALICIOUS_SERVER))
                .orElse(false);
    }

    @Override
    public Integer call() throws Exception {
        DataDirectory.set(dataDir);
        String yaml = String.join(
                "\n",
                "name: attack",
                "seeds: [" + seed + "]",
                "backend: " + backend,
                "grid:",
                "  dataset: [" + dataset + "]",
                "  model: [" + model + "]",
                "  model.width: [" + width + "]",
                "  model.depth: [" + depth + "]",
                "  batch: [" + batch + "]",
                "  image: [" + index + "]",
                "  fl.rounds: [" + rounds + "]",
                "  attack: [" + attack + "]",
                maliciousServer() ? "  threat: [malicious-server]" : "",
                iterations == null ? "" : "  attack.iterations: [" + iterations + "]",
                "  defense: [" + defense + "]",
                param == null ? "" : "  defense.param: [" + param + "]",
                "");
        Sweep sweep = new SweepParser(ParameterRegistry.defaults()).parse(yaml, "command line");
        String id = RunFolders.newRunId("attack-" + attack);
        RunOptions options = new RunOptions(out, id, 1, false, Shard.ALL, false, null);
        RunSummary summary;
        try (PointExecutor executor = ExecutorLookup.find("pipeline").create(sweep)) {
            summary = new SweepRunner(sweep, executor, options).run();
        }
        PrintWriter w = spec.commandLine().getOut();
        ResultTable table = ResultTable.read(summary.runFolder().resolve(RunLayout.RESULTS));
        List<String> row = table.latest().get(0);
        for (String metric : List.of(
                "status",
                "psnr",
                "ssim",
                "mse",
                "label_acc",
                "recovered_frac",
                "accuracy",
                "epsilon",
                "attack_ms",
                "bytes_up")) {
            String v = row.get(table.column(metric));
            if (!v.isEmpty()) {
                w.printf("%-15s %s%n", metric, v);
            }
        }
        Path grids = summary.runFolder().resolve(RunLayout.RECONSTRUCTIONS);
        if (Files.isDirectory(grids)) {
            try (var files = Files.list(grids)) {
                files.forEach(f -> w.println("image grid      " + f));
            }
        }
        w.println("run folder      " + summary.runFolder());
        return row.get(table.column("status")).equals("ok") ? 0 : 1;
    }
}
