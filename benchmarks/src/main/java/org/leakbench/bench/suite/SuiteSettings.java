package org.leakbench.bench.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How hard the suite measures. {@code quick} fits inside {@code mvn verify -P bench} (a few minutes on two
 * cores: one fork, short iterations, the parameter values that answer the headline questions); {@code paper}
 * uses three forks, longer iterations and every parameter value of the benchmark classes.
 *
 * @param name          quick or paper
 * @param forks         JVM forks per parameter combination
 * @param warmups       warm-up iterations
 * @param warmupMillis  length of one warm-up iteration
 * @param iterations    measured iterations
 * @param iterationMillis length of one measured iteration
 * @param overrides     per benchmark class (simple name), parameter values replacing the annotated ones
 */
public record SuiteSettings(
        String name,
        int forks,
        int warmups,
        int warmupMillis,
        int iterations,
        int iterationMillis,
        Map<String, Map<String, List<String>>> overrides) {

    public static final List<String> NAMES = List.of("quick", "paper");

    /** The settings called {@code name}, or a clear error. */
    public static SuiteSettings of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "quick" -> quick();
            case "paper" -> new SuiteSettings("paper", 3, 5, 1000, 10, 1000, Map.of());
            default ->
                throw new IllegalArgumentException("unknown JMH settings '" + name + "'; choose one of " + NAMES);
        };
    }

    private static SuiteSettings quick() {
        Map<String, Map<String, List<String>>> o = new LinkedHashMap<>();
        o.put("GradientBench", Map.of("batch", List.of("1", "32")));
        o.put("InversionStepBench", Map.of("batch", List.of("1", "32")));
        o.put("PerExampleGradientBench", Map.of("backend", List.of("java"), "batch", List.of("1", "32", "128")));
        o.put("ConvBench", Map.of("batch", List.of("32")));
        o.put("GemmBench", Map.of("size", List.of("256", "1024")));
        o.put("NoiseBench", Map.of("sigma", List.of("1", "1000")));
        o.put("CompressionBench", Map.of("size", List.of("10000", "1000000")));
        o.put(
                "MaskingBench",
                Map.of(
                        "vectorLength",
                        List.of("10000", "1000000"),
                        "clients",
                        List.of("100", "1000"),
                        "serverClients",
                        List.of("100"),
                        "dropout",
                        List.of("0.1")));
        // Four warm-up rounds: the first operations run the Vector API kernels interpreted (a LeNet gradient at
        // batch 32 takes a second), and after two rounds its median was still three times its settled value.
        return new SuiteSettings("quick", 1, 4, 400, 3, 400, o);
    }

    /** The parameter values this setting forces on one benchmark class (empty: the annotated ones). */
    public Map<String, List<String>> overridesFor(String simpleClassName) {
        return overrides.getOrDefault(simpleClassName, Map.of());
    }
}
