package org.leakbench.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.leakbench.plots.JmhRunFolder;
import org.leakbench.plots.PlotInputException;
import org.leakbench.results.RunLayout;
import org.openjdk.jmh.runner.RunnerException;

/**
 * {@code java -cp ... org.leakbench.bench.suite.SuiteMain [quick|paper] [--run DIR] [--torch SCRIPT]}: runs the
 * JMH suite into a run folder (default {@code results/latest}, resolved like the plots resolve it) and, with
 * {@code --torch}, the PyTorch reference script after it on the same models and batches; OpenSSL's AES-128-CTR
 * rate after the masking benchmarks ({@link OpenSslReference}). Selection with {@code -Djmh.include=<regex>}; JMH
 * threads with {@code -Djmh.threads}, ND4J's with {@code -Dleakbench.nd4j.threads}, the java backend's with
 * {@code -Dleakbench.java.threads} and PyTorch's with {@code -Dtorch.threads} (each 1 by default). Then, when
 * those are all 1, a few rows again at every core per operation ({@link ThreadScaling}; {@code
 * -Dleakbench.scaling.threads=N} sets the count, 1 skips it).
 */
public final class SuiteMain {
    private SuiteMain() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | IllegalStateException e) { // PlotInputException is one of these
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (IOException | RunnerException e) {
            System.err.println("error: the JMH suite failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws IOException, RunnerException {
        String mode = "quick";
        Path run = Path.of("results", "latest");
        Path torch = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--run" -> run = Path.of(value(args, ++i, "--run"));
                case "--torch" -> torch = Path.of(value(args, ++i, "--torch"));
                case "-h", "--help" -> {
                    System.out.println("usage: SuiteMain [quick|paper] [--run DIR] [--torch SCRIPT]  "
                            + "(-Djmh.include=REGEX -Djmh.threads=N -Dleakbench.nd4j.threads=N "
                            + "-Dleakbench.java.threads=N -Dtorch.threads=N)");
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        throw new IllegalArgumentException(
                                "unknown option " + args[i] + "; use --run DIR, " + "--torch SCRIPT or --help");
                    }
                    mode = args[i];
                }
            }
        }
        SuiteSettings settings = SuiteSettings.of(mode);
        Path runDir = locate(run);
        ThreadCounts threads = new ThreadCounts(
                intProperty(ThreadCounts.JMH, 1),
                intProperty(ThreadCounts.ND4J, 1),
                intProperty(ThreadCounts.JAVA, intProperty(ThreadCounts.FORMER_JAVA, 1)));
        String include = System.getProperty("jmh.include");
        BenchSuite suite = new BenchSuite(settings, include, threads, System.out);
        ThreadScaling.removeEarlierPasses(runDir);
        BenchSuite.Outcome out = suite.run(runDir, BenchSuite.CLASSES);
        System.out.println("JMH: " + out.results().size() + " results -> " + out.json() + " and " + out.csv());
        if (out.results().stream().anyMatch(r -> r.getParams().getBenchmark().contains(".MaskingBench.prg"))) {
            OpenSslReference.run(
                    runDir.resolve(RunLayout.JMH).resolve(OpenSslReference.CSV),
                    settings.name().equals("quick") ? 1 : 3,
                    System.out);
        }
        List<String> cases = TorchReference.cases(out.results());
        if (torch != null && cases.isEmpty()) {
            System.out.println("PyTorch reference skipped: no gradient or inversion benchmark ran.");
        } else if (torch != null) {
            TorchReference.run(
                    torch,
                    runDir.resolve(RunLayout.JMH).resolve(TorchReference.CSV),
                    settings.name(),
                    cases,
                    intProperty("torch.threads", 1),
                    System.out);
        }
        scalingPass(settings, include, threads, runDir, torch);
        return 0;
    }

    /** The thread-scaling pass ({@link ThreadScaling}) with its PyTorch reference at the same thread count. */
    private static void scalingPass(SuiteSettings settings, String include, ThreadCounts main, Path runDir, Path torch)
            throws IOException, RunnerException {
        int n = ThreadScaling.threads();
        Optional<String> skip = ThreadScaling.skipReason(n, main);
        BenchSuite scaling =
                new BenchSuite(ThreadScaling.settings(settings), include, ThreadScaling.counts(n), System.out);
        if (skip.isEmpty() && !scaling.selectsAny(ThreadScaling.CLASSES)) {
            skip = Optional.of("jmh.include selects none of its benchmarks");
        }
        if (skip.isPresent()) {
            System.out.println("Thread scaling skipped: " + skip.get());
            return;
        }
        Path dir = ThreadScaling.folder(runDir, n);
        BenchSuite.Outcome out = scaling.runInto(dir, ThreadScaling.CLASSES);
        System.out.println("JMH at " + n + " threads: " + out.results().size() + " results -> " + out.csv());
        List<String> cases = TorchReference.cases(out.results());
        if (torch != null && !cases.isEmpty()) {
            TorchReference.run(torch, dir.resolve(TorchReference.CSV), settings.name(), cases, n, System.out);
        }
    }

    /** An existing run folder (or pointer), or a new folder when the named one does not exist yet. */
    static Path locate(Path run) throws IOException {
        if (Files.exists(run)) {
            return JmhRunFolder.resolve(run);
        }
        if (run.getFileName() != null && run.getFileName().toString().equals("latest")) {
            throw new PlotInputException(
                    run.toString(),
                    null,
                    0,
                    "no run folder yet: run the sweep first "
                            + "(mvn verify -P bench does) or name a folder with --run DIR");
        }
        return Files.createDirectories(run);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    static int intProperty(String name, int fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + name + " must be a whole number, got '" + v + "'");
        }
    }
}
