package org.leakbench.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;

/**
 * Runs the PyTorch reference script, which times the same gradient and inversion steps on the CPU, into
 * {@code jmh/torch.csv}: exactly the model and batch combinations the JMH run measured ({@link #cases}), so
 * that every row of the comparison has its PyTorch time and no time is spent on rows it does not have. A machine
 * without Python or without torch gets a one-line note and the build goes on: the PyTorch column of the
 * comparison table is then left empty.
 */
public final class TorchReference {
    /** The file the comparison table reads, inside the run's jmh folder. */
    public static final String CSV = "torch.csv";

    /** The script's path names for the benchmark methods it mirrors (the comparison table joins on them). */
    private static final Map<String, String> PATHS = Map.of(
            "GradientBench.grad", "grad",
            "InversionStepBench.dlg", "dlg",
            "InversionStepBench.invertingGradients", "ig");

    private TorchReference() {}

    /**
     * How long the script may run: a guard against a hung interpreter, long enough for paper, whose resnet20w4
     * inversion steps at batch 32 take tens of seconds each.
     */
    static long timeoutMinutes(String mode) {
        return mode.equals("quick") ? 20 : 180;
    }

    /** The script's {@code path:model:batch} case of one benchmark method and its parameters, if it mirrors it. */
    static Optional<String> caseOf(String shortName, Map<String, String> params) {
        String path = PATHS.get(shortName);
        String model = params.get("model");
        String batch = params.get("batch");
        if (path == null || model == null || batch == null) {
            return Optional.empty();
        }
        return Optional.of(path + ":" + model + ":" + batch);
    }

    /** The distinct cases of a run's results, in the order they ran. */
    public static List<String> cases(Collection<RunResult> results) {
        Set<String> out = new LinkedHashSet<>();
        for (RunResult r : results) {
            BenchmarkParams bp = r.getParams();
            Map<String, String> params = new HashMap<>();
            bp.getParamsKeys().forEach(k -> params.put(k, bp.getParam(k)));
            caseOf(TidyCsv.shortName(bp.getBenchmark()), params).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * Runs {@code script} on {@code cases} (path:model:batch; none: the script's own full list); returns whether
     * torch.csv was written.
     */
    public static boolean run(Path script, Path csv, String mode, List<String> cases, int threads, PrintStream log)
            throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("PyTorch reference script " + script + " not found");
        }
        Optional<String> python = findPython();
        if (python.isEmpty()) {
            log.println("PyTorch reference skipped: no python3 with torch found (set -Dleakbench.python=PATH to "
                    + "choose one); the PyTorch column stays empty.");
            return false;
        }
        List<String> cmd = new ArrayList<>(List.of(
                python.get(), script.toString(), "--threads", String.valueOf(threads), "--out", csv.toString()));
        if (mode.equals("quick")) {
            cmd.add("--quick");
        }
        if (!cases.isEmpty()) {
            cmd.add("--cases");
            cmd.add(String.join(",", cases));
        }
        log.println("PyTorch reference: " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            if (!p.waitFor(timeoutMinutes(mode), TimeUnit.MINUTES)) {
                p.destroyForcibly();
                log.println("PyTorch reference stopped after " + timeoutMinutes(mode) + " minutes; no torch.csv.");
                return false;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        if (p.exitValue() != 0) {
            log.println("PyTorch reference failed (exit " + p.exitValue() + "); the PyTorch column stays empty.");
            return false;
        }
        return Files.isRegularFile(csv);
    }

    /** The first of -Dleakbench.python, python3 and /usr/bin/python3 that can import torch. */
    static Optional<String> findPython() {
        Set<String> candidates = new LinkedHashSet<>();
        String chosen = System.getProperty("leakbench.python");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen.trim());
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String c : candidates) {
            if (importsTorch(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean importsTorch(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
