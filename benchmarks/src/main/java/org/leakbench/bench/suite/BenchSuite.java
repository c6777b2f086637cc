package org.leakbench.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.leakbench.bench.AccountantBench;
import org.leakbench.bench.CompressionBench;
import org.leakbench.bench.ConvBench;
import org.leakbench.bench.DistributedDpBench;
import org.leakbench.bench.GemmBench;
import org.leakbench.bench.GemmRouteBench;
import org.leakbench.bench.GradientBench;
import org.leakbench.bench.InversionStepBench;
import org.leakbench.bench.KeyAgreementBench;
import org.leakbench.bench.MaskingBench;
import org.leakbench.bench.NoiseBench;
import org.leakbench.bench.PerExampleGradientBench;
import org.leakbench.results.RunLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH suite into a run folder. Each benchmark class runs as its own JMH invocation so that parameters
 * with the same name in different classes (batch, model) can take different values; the results are written
 * together. The JMH, ND4J and java thread counts are set explicitly and recorded ({@link ThreadCounts}).
 */
public final class BenchSuite {
    /** Every benchmark class of the suite, in the order they run. */
    public static final List<Class<?>> CLASSES = List.of(
            GradientBench.class,
            InversionStepBench.class,
            PerExampleGradientBench.class,
            ConvBench.class,
            GemmBench.class,
            NoiseBench.class,
            MaskingBench.class,
            KeyAgreementBench.class,
            CompressionBench.class,
            AccountantBench.class,
            DistributedDpBench.class,
            GemmRouteBench.class);

    static final String BACKEND = "backend";

    private final SuiteSettings settings;
    private final Pattern include;
    private final ThreadCounts threads;
    private final PrintStream log;
    private final BackendCheck backends = new BackendCheck();

    public BenchSuite(SuiteSettings settings, String include, ThreadCounts threads, PrintStream log) {
        this.settings = settings;
        try {
            this.include = Pattern.compile(include == null || include.isBlank() ? ".*" : include);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "jmh.include is not a regular expression: " + e.getDescription() + " in '" + include + "'");
        }
        this.threads = threads;
        this.log = log;
    }

    /** What a run wrote. */
    public record Outcome(List<RunResult> results, Path json, Path csv, List<String> skipped) {}

    /** Runs the selected benchmarks and writes jmh.json, jmh.csv, flops.csv and settings.properties. */
    public Outcome run(Path runDir, List<Class<?>> classes) throws IOException, RunnerException {
        return runInto(runDir.resolve(RunLayout.JMH), classes);
    }

    /** Like {@link #run}, into the folder {@code jmhDir} itself (a thread-scaling pass writes beside the main run). */
    public Outcome runInto(Path jmhDir, List<Class<?>> classes) throws IOException, RunnerException {
        Files.createDirectories(jmhDir);
        List<RunResult> all = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long start = System.nanoTime();
        String loadBefore = RunSettingsFile.loadAverage();
        for (Class<?> cls : classes) {
            List<String> methods = selectedMethods(cls);
            if (methods.isEmpty()) {
                continue;
            }
            Map<String, List<String>> overrides = settings.overridesFor(cls.getSimpleName());
            all.addAll(runOnce(cls, methods, overrides, settings.warmups(), settings.iterations(), "", skipped));
            for (ExtraRun extra : settings.extraRunsFor(cls.getSimpleName())) {
                List<String> extraMethods = extra.of(methods);
                if (extraMethods.isEmpty()) {
                    continue;
                }
                all.addAll(runOnce(
                        cls,
                        extraMethods,
                        extra.over(overrides),
                        extra.warmups(),
                        extra.iterations(),
                        " " + extra.describe(),
                        skipped));
            }
        }
        Path json = jmhDir.resolve("jmh.json");
        Path csv = jmhDir.resolve("jmh.csv");
        if (all.isEmpty() && !skipped.isEmpty()) {
            throw new IllegalStateException("every selected benchmark was skipped: " + String.join(" ", skipped));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matched jmh.include '" + include.pattern()
                    + "' (benchmarks are named like org.leakbench.bench.GradientBench.grad)");
        }
        ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(all);
        TidyCsv.write(all, csv, jmhDir.resolve("flops.csv"), threads);
        RunSettingsFile.write(
                jmhDir.resolve("settings.properties"),
                settings,
                include.pattern(),
                threads,
                backends.descriptions(),
                skipped,
                loadBefore,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
        return new Outcome(all, json, csv, skipped);
    }

    /** One JMH invocation of {@code cls} with the parameter values {@code params} (empty list if all skipped). */
    private List<RunResult> runOnce(
            Class<?> cls,
            List<String> methods,
            Map<String, List<String>> params,
            int warmups,
            int iterations,
            String note,
            List<String> skipped)
            throws RunnerException {
        ChainedOptionsBuilder b = options(warmups, iterations);
        methods.forEach(m -> b.include("^" + Pattern.quote(cls.getName() + "." + m) + "$"));
        params.forEach((k, v) -> {
            if (!k.equals(BACKEND) && declaresParam(cls, k)) {
                b.param(k, v.toArray(String[]::new));
            }
        });
        if (declaresParam(cls, BACKEND)) {
            List<String> usable = usableBackends(cls, params.get(BACKEND), skipped);
            if (usable.isEmpty()) {
                return List.of();
            }
            b.param(BACKEND, usable.toArray(String[]::new));
        }
        log.println("JMH " + settings.name() + ": " + cls.getSimpleName() + " " + methods + note);
        return new ArrayList<>(new Runner(b.build()).run());
    }

    private ChainedOptionsBuilder options(int warmups, int iterations) {
        ChainedOptionsBuilder b = new OptionsBuilder()
                .forks(settings.forks())
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(settings.iterationMillis()))
                .threads(threads.jmh())
                // One ND4J inversion step on resnet20w4 at batch 32 can outlast JMH's default of 10 minutes.
                .timeout(TimeValue.minutes(60))
                .shouldFailOnError(true)
                .verbosity(settings.forks() == 0 ? VerboseMode.SILENT : VerboseMode.NORMAL);
        if (settings.forks() > 0) {
            b.jvmArgsAppend(forkArgs().toArray(String[]::new));
        }
        return b;
    }

    /**
     * The options every fork gets on top of this JVM's own. They go to JMH in one {@code jvmArgsAppend} call:
     * each call replaces the previous list, which once left the thread-scaling pass's forks on one thread.
     */
    List<String> forkArgs() {
        List<String> args = new ArrayList<>(List.of(threads.forkArgs()));
        args.addAll(
                List.of("-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=6G"));
        // Forks measure the same kernels as this JVM: SIMD on (the Vector API module) unless switched off, and
        // the mask generator on the system's libcrypto (the foreign-function module and native access).
        args.addAll(List.of(
                "--add-modules=jdk.incubator.vector,jdk.incubator.foreign",
                "--enable-native-access=ALL-UNNAMED",
                "-Dleakbench.simd=" + System.getProperty("leakbench.simd", "true")));
        String route = System.getProperty("leakbench.maskprg");
        if (route != null && !route.isBlank()) {
            args.add("-Dleakbench.maskprg=" + route); // the mask generator's route, when forced
        }
        String x25519 = System.getProperty("leakbench.x25519");
        if (x25519 != null && !x25519.isBlank()) {
            args.add("-Dleakbench.x25519=" + x25519); // the key agreement's route, when forced
        }
        return args;
    }

    /** The options of a run with {@code warmups} and {@code iterations} (for tests). */
    org.openjdk.jmh.runner.options.Options build(int warmups, int iterations) {
        return options(warmups, iterations).build();
    }

    /** Whether the include pattern finds any benchmark method of {@code classes}. */
    boolean selectsAny(List<Class<?>> classes) {
        return classes.stream().anyMatch(c -> !selectedMethods(c).isEmpty());
    }

    /** Benchmark methods of {@code cls} whose full name the include pattern finds. */
    List<String> selectedMethods(Class<?> cls) {
        return Arrays.stream(cls.getMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .sorted()
                .filter(m -> include.matcher(cls.getName() + "." + m).find())
                .toList();
    }

    private List<String> usableBackends(Class<?> cls, List<String> override, List<String> skipped) {
        List<String> wanted = override != null ? override : annotatedValues(cls, BACKEND);
        List<String> usable = new ArrayList<>();
        for (String name : wanted) {
            Optional<String> problem = backends.problem(name);
            if (problem.isPresent()) {
                String note = cls.getSimpleName() + " with backend " + name + " skipped: " + problem.get();
                if (!skipped.contains(note)) { // said once, though extra runs of the class ask again
                    log.println(note);
                    skipped.add(note);
                }
            } else {
                usable.add(name);
            }
        }
        return usable;
    }

    static boolean declaresParam(Class<?> cls, String name) {
        return paramField(cls, name) != null;
    }

    static List<String> annotatedValues(Class<?> cls, String name) {
        Field f = paramField(cls, name);
        return f == null ? List.of() : List.of(f.getAnnotation(Param.class).value());
    }

    // Parameters live on the benchmark class itself or on its nested @State classes, at any visibility.
    private static Field paramField(Class<?> cls, String name) {
        List<Class<?>> owners = new ArrayList<>(List.of(cls));
        owners.addAll(Arrays.asList(cls.getDeclaredClasses()));
        for (Class<?> c : owners) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && f.isAnnotationPresent(Param.class)) {
                    return f;
                }
            }
        }
        return null;
    }
}
