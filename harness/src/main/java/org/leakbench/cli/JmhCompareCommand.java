package org.leakbench.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.leakbench.plots.JmhComparison;
import org.leakbench.plots.JmhRunFolder;
import org.leakbench.plots.JmhSource;
import org.leakbench.results.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakbench jmh-compare}: one backend comparison table from the JMH results of several machines. */
@Command(
        name = "jmh-compare",
        mixinStandardHelpOptions = true,
        description = {
            "Merge the JMH results of runs from different machines (say a CPU and a GPU machine) into one",
            "backend comparison table: time per operation for every machine and backend, the fastest and its",
            "speed-up, GFLOP/s against each machine's own GEMM peak, and each machine's PyTorch reference.",
            "Columns are labelled with --label, else with each run's id."
        })
final class JmhCompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "<run-dir>", description = "Run folders with jmh/jmh.json.")
    List<Path> runs;

    @Option(names = "--label", paramLabel = "NAME", description = "A machine label per run, in order (repeat).")
    List<String> labels = new ArrayList<>();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder for jmh-comparison.md and jmh-comparison.tex.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!labels.isEmpty() && labels.size() != runs.size()) {
            throw new IllegalArgumentException(
                    "--label given " + labels.size() + " times for " + runs.size() + " runs; give one per run or none");
        }
        List<JmhSource> sources = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Path run = JmhRunFolder.resolve(runs.get(i));
            JmhSource s = JmhSource.read(run, labels.isEmpty() ? null : labels.get(i));
            if (s.results().isEmpty()) {
                throw new IllegalArgumentException(runs.get(i) + " has no JMH results (" + run.resolve(RunLayout.JMH)
                        + "/*.json); run the suite there first");
            }
            sources.add(s);
        }
        Set<String> seen = new HashSet<>();
        for (JmhSource s : sources) {
            if (!seen.add(s.label())) {
                throw new IllegalArgumentException(
                        "two runs share the label '" + s.label() + "'; name the machines with --label");
            }
        }
        Files.createDirectories(out);
        List<Path> written = JmhComparison.write(sources, out, "jmh-comparison", "");
        if (written.isEmpty()) {
            throw new IllegalArgumentException("no JMH result in these runs has a backend parameter to compare");
        }
        spec.commandLine().getOut().print(Files.readString(written.get(0), StandardCharsets.UTF_8));
        spec.commandLine().getOut().println("wrote " + written.get(0) + " and " + written.get(1));
        return 0;
    }
}
