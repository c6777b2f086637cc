package org.leakbench.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.leakbench.bench.GemmBench;
import org.leakbench.bench.GradientBench;
import org.leakbench.bench.InversionStepBench;
import org.leakbench.results.RunLayout;

/**
 * The suite's thread-scaling pass: after the one-thread run, a few rows again with every backend (and PyTorch)
 * given all the machine's cores per operation, into {@code jmh/threads-N/}, so one run holds both thread counts
 * and the scaling table compares them on the same machine and minutes. JMH itself keeps one thread: the rows
 * time one operation on N cores, not N operations at once. The rows are those where a second core can help at
 * all (batch 32, large products); at batch 1 the operations are too small to share out.
 */
final class ThreadScaling {
    /** The system property that sets the pass's thread count (default: every available processor; 1 skips it). */
    static final String PROPERTY = "leakbench.scaling.threads";

    private static final List<String> SMALL_MODELS = List.of("lenet", "mlp256x2", "mlp1024x2");

    private ThreadScaling() {}

    /** The classes the pass measures, in order. */
    static final List<Class<?>> CLASSES = List.of(GradientBench.class, InversionStepBench.class, GemmBench.class);

    /** Where a pass at {@code threads} threads writes, inside the run folder. */
    static Path folder(Path runDir, int threads) {
        return runDir.resolve(RunLayout.JMH).resolve(folderName(threads));
    }

    /** {@code threads-N}: the plots look for folders of this form. */
    static String folderName(int threads) {
        return "threads-" + threads;
    }

    /**
     * Deletes the {@code threads-N} folders of an earlier suite run into the same run folder: the main results
     * are about to be replaced, and a scaling pass measured beside older ones would pair rows from different runs.
     */
    static void removeEarlierPasses(Path runDir) throws IOException {
        Path jmh = runDir.resolve(RunLayout.JMH);
        if (!Files.isDirectory(jmh)) {
            return;
        }
        List<Path> passes;
        try (Stream<Path> s = Files.list(jmh)) {
            passes = s.filter(p ->
                            Files.isDirectory(p) && p.getFileName().toString().matches("threads-\\d+"))
                    .toList();
        }
        for (Path pass : passes) {
            try (Stream<Path> files = Files.walk(pass)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The thread count of the pass: the property's value, else every available processor. */
    static int threads() {
        return SuiteMain.intProperty(PROPERTY, Runtime.getRuntime().availableProcessors());
    }

    /** Why the pass does not run with these counts, or empty when it does. */
    static Optional<String> skipReason(int threads, ThreadCounts main) {
        if (threads < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be >= 1, got " + threads);
        }
        if (threads == 1) {
            return Optional.of("one thread only (" + PROPERTY + "=1 or a one-processor machine)");
        }
        if (main.jmh() != 1 || main.java() != 1 || main.nd4j() != 1) {
            return Optional.of("the main run is not at one thread per operation (" + main + "), so it is no baseline");
        }
        return Optional.empty();
    }

    /** Every backend at {@code threads} threads per operation, JMH at one. */
    static ThreadCounts counts(int threads) {
        return new ThreadCounts(1, threads, threads);
    }

    /**
     * The settings of the pass: {@code base}'s run lengths and forks, and parameter values limited to batch 32
     * of the small models and the 1024³ product (paper adds batch 8 and the 512³ product).
     */
    static SuiteSettings settings(SuiteSettings base) {
        boolean paper = base.name().equals("paper");
        List<String> batches = paper ? List.of("8", "32") : List.of("32");
        Map<String, Map<String, List<String>>> o = new LinkedHashMap<>();
        o.put("GradientBench", Map.of("model", SMALL_MODELS, "batch", batches));
        o.put("InversionStepBench", Map.of("model", List.of("lenet", "mlp256x2"), "batch", batches));
        o.put("GemmBench", Map.of("size", paper ? List.of("512", "1024") : List.of("1024")));
        return new SuiteSettings(
                base.name() + "-threads",
                base.forks(),
                base.warmups(),
                base.warmupMillis(),
                base.iterations(),
                base.iterationMillis(),
                o);
    }
}
