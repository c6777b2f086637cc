package org.leakbench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leakbench.sweep.SystemInfo;
import org.leakbench.tensor.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench env}: what this machine offers LeakBench. */
@Command(
        name = "env",
        mixinStandardHelpOptions = true,
        description =
                "Print Java, OS, CPU, cores, memory, each tensor backend (or why it is unavailable) and the data sets found.")
final class EnvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Also look for the file-based data sets (IDX, CIFAR binaries, .txt for text-files-*) in this folder.")
    java.nio.file.Path dataDir;

    @Option(names = "--backend", paramLabel = "NAME", description = "Describe only these backends (repeatable).")
    List<String> backends = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<String, Object> e : SystemInfo.machine().entrySet()) {
            out.printf("%-18s %s%n", e.getKey(), e.getValue());
        }
        org.leakbench.sweep.PeakFlops peak = org.leakbench.sweep.PeakFlops.ofThisMachine();
        out.printf(
                "%-18s %s%n", "peak", peak == null ? "unknown (no clock or flags in /proc/cpuinfo)" : peak.describe());
        List<String> names = backends.isEmpty() ? Backends.NAMES : backends;
        for (String name : names) {
            out.printf("%-18s %s%n", "backend " + name, SystemInfo.describeBackend(name));
        }
        for (org.leakbench.data.DatasetLocation d : org.leakbench.data.Datasets.locateAll(dataDir)) {
            out.printf("%-18s %s%n", "data " + d.name(), d.location());
        }
        return 0;
    }
}
