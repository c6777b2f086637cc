package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leakbench.component.ParameterSpec;
import org.leakbench.data.DataDirectory;
import org.leakbench.sweep.ComponentTable;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.PointExecutor;
import org.leakbench.sweep.PoolSizing;
import org.leakbench.sweep.Presets;
import org.leakbench.sweep.RunFolders;
import org.leakbench.sweep.RunOptions;
import org.leakbench.sweep.RunSummary;
import org.leakbench.sweep.Shard;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepOverrides;
import org.leakbench.sweep.SweepParser;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.sweep.SweepRunner;
import org.leakbench.sweep.Values;
import org.leakbench.tensor.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakbench sweep}: validates a sweep file (or preset) and runs its points into a run folder. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = {
            "Run a sweep file or preset (" + "quick, paper" + ") into results/<run-id>/.",
            "Re-running with the same --run-id resumes: points already ok or diverged are skipped."
        })
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<file-or-preset>", description = "Sweep YAML file or preset name.")
    String source;

    @Option(names = "--out", paramLabel = "DIR", description = "Results root (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("results");

    @Option(names = "--run-id", paramLabel = "ID", description = "Run folder name (default: <name>-<timestamp>).")
    String runId;

    @Option(names = "--force", description = "Redo points that already have results.")
    boolean force;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run only shard i of n (0-based).")
    String shard;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Points run at once (default: cores over the backend's threads per op, at most one per GB of heap).")
    Integer threads;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Folder with the files of fashion-mnist, mnist, cifar10 or cifar100, or the .txt files of"
                    + " text-files-char/-bpe (overrides the environment variables).")
    java.nio.file.Path dataDir;

    @Option(
            names = "--backend",
            paramLabel = "NAME",
            description = "Override the sweep's backend (java or nd4j; ejml is java's former name).")
    String backend;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Override the per-point limit (e.g. 30s).")
    String timeout;

    @Option(names = "--executor", paramLabel = "NAME", description = "Point executor when several are registered.")
    String executorName;

    /** The executor whose set-up checks a dry run applies when none is named: the one that runs points here. */
    private static final String DRY_RUN_EXECUTOR = "pipeline";

    @Option(names = "--dry-run", description = "Validate and print the points without running them.")
    boolean dryRun;

    @Option(names = "--list-parameters", description = "Print every parameter a sweep file may set.")
    boolean listParameters;

    @Option(
            names = "--set",
            paramLabel = "NAME=V1[,V2]",
            description = "Replace a parameter's values in every grid that lists it (repeatable), e.g. to run a "
                    + "preset reduced: --set attack.iterations=20 --set victims=1; seeds=1 sets the seeds.")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ParameterRegistry registry = ParameterRegistry.defaults();
        if (listParameters) {
            printParameters(registry, out);
            return 0;
        }
        if (source == null) {
            throw new IllegalArgumentException(
                    "give a sweep file or a preset (" + String.join(", ", Presets.NAMES) + ")");
        }
        DataDirectory.set(dataDir);
        Sweep sweep = SweepOverrides.apply(Presets.resolve(source, registry), overrides);
        if (backend != null) {
            if (!Backends.isKnown(backend)) {
                throw new IllegalArgumentException("--backend: unknown backend '" + backend + "'; allowed: "
                        + String.join(", ", Backends.ACCEPTED));
            }
            sweep = sweep.withBackend(Backends.canonicalName(backend));
        }
        RunOptions options = options(sweep);
        if (dryRun) {
            // Setting the executor up runs every set-up check (model fit, an attack's needs, weight files), so a
            // point that could only fail is refused here with its reason; nothing is run.
            ExecutorLookup.find(executorName == null ? DRY_RUN_EXECUTOR : executorName)
                    .create(sweep)
                    .close();
            printPoints(sweep, options.shard().select(sweep.points()), out);
            return 0;
        }
        if (options.progress()) { // beside the progress bar, on a terminal only
            spec.commandLine()
                    .getErr()
                    .println(sweep.points().size() + " points, "
                            + PoolSizing.describe(options.threads(), sweep.backend()));
        }
        PointExecutor executor = ExecutorLookup.find(executorName).create(sweep);
        RunSummary summary;
        try (executor) {
            summary = new SweepRunner(sweep, executor, options).run();
        }
        out.println(summary);
        out.println("resume or extend this run with: --run-id " + options.runId());
        return 0;
    }

    private RunOptions options(Sweep sweep) {
        Duration limit = null;
        if (timeout != null) {
            limit = SweepParser.parseDuration(timeout);
            if (limit == null) {
                throw new IllegalArgumentException(
                        "--timeout: expected a duration such as 500ms, 30s, 10m or 2h, " + "got '" + timeout + "'");
            }
        }
        String id = runId == null ? RunFolders.newRunId(sweep.name()) : runId;
        int n = threads == null ? PoolSizing.forThisMachine(sweep.backend()) : threads;
        boolean progress = !quiet && Terminal.interactive();
        return new RunOptions(out, id, n, force, shard == null ? Shard.ALL : Shard.parse(shard), progress, limit);
    }

    private static void printPoints(Sweep sweep, List<SweepPoint> points, PrintWriter out) {
        List<String> varying = new ArrayList<>();
        for (Map.Entry<String, List<Object>> e : sweep.resolved().entrySet()) {
            if (e.getValue().size() > 1) {
                varying.add(e.getKey());
            }
        }
        List<String> header = new ArrayList<>(List.of("#", "point_id", "seed", "group"));
        header.addAll(varying);
        TextTable table = new TextTable(header);
        for (SweepPoint p : points) {
            List<String> row = new ArrayList<>(
                    List.of(Integer.toString(p.index()), p.pointId(), Long.toString(p.seed()), p.groupKey()));
            varying.forEach(k -> row.add(Values.format(p.get(k))));
            table.add(row);
        }
        table.print(out);
        out.println(points.size() + " points (" + sweep.points().size() + " in the whole sweep), backend "
                + sweep.backend() + ", timeout " + sweep.timeout().toSeconds() + "s per point");
    }

    private static void printParameters(ParameterRegistry registry, PrintWriter out) {
        TextTable table = new TextTable(List.of("parameter", "tier", "type", "allowed", "default", "description"));
        for (ParameterSpec s : registry.specs()) {
            table.add(List.of(
                    s.name(),
                    s.tier().name().toLowerCase(java.util.Locale.ROOT),
                    s.type().label(),
                    ComponentTable.allowed(s),
                    Values.format(s.defaultValue()),
                    s.description()));
        }
        table.print(out);
        out.println();
        out.println("Per component (a default here replaces the column default above for points of that component;"
                + " a parameter stored in defense.param or defense.clip may be written under either name):");
        TextTable components = new TextTable(ComponentTable.HEADER);
        ComponentTable.rows(registry.components()).forEach(components::add);
        components.print(out);
    }
}
