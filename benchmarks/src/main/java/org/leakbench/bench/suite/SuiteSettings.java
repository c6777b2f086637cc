package org.leakbench.bench.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How hard the suite measures. {@code quick} fits inside {@code mvn verify -P bench} (a few minutes on two
 * cores: one fork, short iterations, the parameter values that answer the headline questions, and the larger
 * models in shorter extra runs where they fit); {@code paper} uses three forks, longer iterations and every
 * parameter value of the benchmark classes.
 *
 * @param name          quick or paper
 * @param forks         JVM forks per parameter combination
 * @param warmups       warm-up iterations
 * @param warmupMillis  length of one warm-up iteration
 * @param iterations    measured iterations
 * @param iterationMillis length of one measured iteration
 * @param overrides     per benchmark class (simple name), parameter values replacing the annotated ones
 * @param extraRuns     per benchmark class, further runs after the main one with their own values and lengths
 */
public record SuiteSettings(
        String name,
        int forks,
        int warmups,
        int warmupMillis,
        int iterations,
        int iterationMillis,
        Map<String, Map<String, List<String>>> overrides,
        Map<String, List<ExtraRun>> extraRuns) {

    /** Settings without extra runs. */
    public SuiteSettings(
            String name,
            int forks,
            int warmups,
            int warmupMillis,
            int iterations,
            int iterationMillis,
            Map<String, Map<String, List<String>>> overrides) {
        this(name, forks, warmups, warmupMillis, iterations, iterationMillis, overrides, Map.of());
    }

    public static final List<String> NAMES = List.of("quick", "paper");

    /** The models whose gradient takes about a millisecond, measured at the setting's own run length. */
    private static final List<String> SMALL_MODELS = List.of("lenet", "mlp256x2", "mlp1024x2");

    /** The models whose operations take a fraction of a second to minutes. */
    private static final List<String> LARGER_MODELS = List.of("resnet20", "resnet20w4", "transformer");

    /** The settings called {@code name}, or a clear error. */
    public static SuiteSettings of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "quick" -> quick();
            case "paper" -> paper();
            default ->
                throw new IllegalArgumentException("unknown JMH settings '" + name + "'; choose one of " + NAMES);
        };
    }

    /**
     * Every annotated value; the larger models in extra runs of two warm-up and five measured iterations (an
     * operation each, of up to minutes: fifteen per fork would take hours for resnet20w4 at batch 32).
     */
    private static SuiteSettings paper() {
        Map<String, Map<String, List<String>>> o = new LinkedHashMap<>();
        o.put("GradientBench", Map.of("model", SMALL_MODELS));
        o.put("InversionStepBench", Map.of("model", List.of("lenet", "mlp256x2")));
        ExtraRun larger = new ExtraRun(Map.of("model", LARGER_MODELS), 2, 5);
        Map<String, List<ExtraRun>> x = new LinkedHashMap<>();
        x.put("GradientBench", List.of(larger));
        x.put("InversionStepBench", List.of(larger));
        o.put(
                "MaskingBench",
                Map.of("serverClients", List.of("100", "300"), "serverLength", List.of("10000", "100000")));
        x.put("MaskingBench", secAggAtScale());
        return new SuiteSettings("paper", 3, 5, 1000, 10, 1000, o, x);
    }

    /**
     * The server's unmasking where one operation takes seconds (10^6 coordinates at n = 100) to tens of seconds
     * (n = 1000 under SecAgg at 10^5, about 9·10^4 masks to expand), at the 10% dropout the scaling table
     * reports, in runs of their own with fewer iterations. Setting up n = 1000 under SecAgg (about 2·10^6 key
     * agreements and 2·10^3 Shamir splits among 10^3 holders) takes minutes per fork. SecAgg at n = 1000 and
     * 10^6 coordinates (minutes an operation) is left to the table's extrapolation.
     */
    private static List<ExtraRun> secAggAtScale() {
        List<String> unmask = List.of("serverUnmask");
        return List.of(
                new ExtraRun(
                        Map.of(
                                "serverClients",
                                List.of("100"),
                                "serverLength",
                                List.of("1000000"),
                                "dropout",
                                List.of("0.1")),
                        2,
                        5,
                        unmask),
                new ExtraRun(
                        Map.of(
                                "serverClients",
                                List.of("1000"),
                                "serverLength",
                                List.of("10000", "100000"),
                                "dropout",
                                List.of("0.1"),
                                "serverMode",
                                List.of("SECAGG", "SECAGG_PLUS")),
                        1,
                        3,
                        unmask),
                new ExtraRun(
                        Map.of(
                                "serverClients",
                                List.of("1000"),
                                "serverLength",
                                List.of("1000000"),
                                "dropout",
                                List.of("0.1"),
                                "serverMode",
                                List.of("SECAGG_PLUS")),
                        1,
                        3,
                        unmask));
    }

    private static SuiteSettings quick() {
        Map<String, Map<String, List<String>>> o = new LinkedHashMap<>();
        o.put("GradientBench", Map.of("model", SMALL_MODELS, "batch", List.of("1", "32")));
        o.put("InversionStepBench", Map.of("model", List.of("lenet", "mlp256x2"), "batch", List.of("1", "32")));
        o.put("PerExampleGradientBench", Map.of("backend", List.of("java"), "batch", List.of("1", "32", "128")));
        o.put("ConvBench", Map.of("batch", List.of("32")));
        o.put("GemmBench", Map.of("size", List.of("256", "1024")));
        o.put("GemmRouteBench", Map.of("size", List.of("256", "1024")));
        o.put("NoiseBench", Map.of("sigma", List.of("1", "1000")));
        o.put("CompressionBench", Map.of("size", List.of("10000", "1000000")));
        o.put(
                "MaskingBench",
                Map.of(
                        "vectorLength",
                        List.of("10000", "1000000"),
                        "clients",
                        List.of("100", "1000"),
                        "maskedLength",
                        List.of("10000", "100000"),
                        "serverClients",
                        List.of("100"),
                        "serverLength",
                        List.of("100000"),
                        "dropout",
                        List.of("0.1")));
        o.put("DistributedDpBench", Map.of("length", List.of("10000", "1000000"), "mode", List.of("SECAGG_PLUS")));
        // Four warm-up rounds: the first operations run the Vector API kernels interpreted (a LeNet gradient at
        // batch 32 takes a second), and after two rounds its median was still three times its settled value.
        return new SuiteSettings("quick", 1, 4, 400, 3, 400, o, largerModels());
    }

    /**
     * The ResNets and the transformer in quick, where an operation takes 0.2 to 2 s on one core (a JMH iteration
     * always completes one, so the setting's seven iterations would each cost a whole operation): two warm-up and
     * two measured iterations, at the combinations that keep them to about two minutes (ResNet-20's and the
     * transformer's gradients at batch 32: the targets). Paper only, each seconds to minutes per operation
     * on one core: the gradients at batch 32 but those two (resnet20w4's took 13
     * s on java, 34 s on ND4J), resnet20w4's inversion steps (1 to 2.4 s at batch 1), every inversion step at
     * batch 32 (DLG on resnet20: 4 to 9 s on java), and ND4J's inversion steps, whose native call per operation
     * makes DLG on resnet20 take 2.6 s at batch 1 and two minutes at batch 32.
     */
    private static Map<String, List<ExtraRun>> largerModels() {
        Map<String, List<ExtraRun>> x = new LinkedHashMap<>();
        x.put(
                "GradientBench",
                List.of(
                        new ExtraRun(Map.of("model", LARGER_MODELS, "batch", List.of("1")), 2, 2),
                        new ExtraRun(
                                Map.of("model", List.of("resnet20", "transformer"), "batch", List.of("32")), 2, 2)));
        x.put(
                "InversionStepBench",
                List.of(new ExtraRun(
                        Map.of(
                                "backend",
                                List.of("java"),
                                "model",
                                List.of("resnet20", "transformer"),
                                "batch",
                                List.of("1")),
                        2,
                        2)));
        return x;
    }

    /** The runs after the main one this setting makes of one benchmark class (usually none). */
    public List<ExtraRun> extraRunsFor(String simpleClassName) {
        return extraRuns.getOrDefault(simpleClassName, List.of());
    }

    /** The parameter values this setting forces on one benchmark class (empty: the annotated ones). */
    public Map<String, List<String>> overridesFor(String simpleClassName) {
        return overrides.getOrDefault(simpleClassName, Map.of());
    }
}
