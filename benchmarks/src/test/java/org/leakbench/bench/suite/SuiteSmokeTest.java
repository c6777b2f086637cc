package org.leakbench.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.plots.JmhResult;
import org.openjdk.jmh.results.RunResult;

/**
 * Every benchmark class of the suite runs once, in this JVM, with one tiny parameter combination and a few
 * milliseconds per iteration, through the same runner as the real suite: a benchmark that no longer sets up
 * or runs fails here instead of in a long measurement. The run folder it leaves is then checked file by file.
 */
class SuiteSmokeTest {
    @TempDir
    static Path run;

    static BenchSuite.Outcome outcome;
    static String log;

    @BeforeAll
    static void runEveryBenchmarkOnce() throws Exception {
        Map<String, Map<String, List<String>>> one = new LinkedHashMap<>();
        one.put(
                "GradientBench",
                Map.of("backend", List.of("java"), "model", List.of("mlp256x2"), "batch", List.of("1")));
        one.put(
                "InversionStepBench",
                Map.of(
                        "backend",
                        List.of("java", "no-such-backend"),
                        "model",
                        List.of("lenet"),
                        "batch",
                        List.of("1")));
        one.put(
                "PerExampleGradientBench",
                Map.of("backend", List.of("java"), "model", List.of("mlp256x2"), "batch", List.of("2")));
        one.put("ConvBench", Map.of("backend", List.of("java"), "layer", List.of("conv2"), "batch", List.of("2")));
        one.put("GemmBench", Map.of("backend", List.of("java"), "size", List.of("32")));
        one.put("NoiseBench", Map.of("sigma", List.of("10")));
        one.put(
                "MaskingBench",
                Map.of(
                        "vectorLength",
                        List.of("4096"),
                        "mode",
                        List.of("SECAGG_PLUS"),
                        "clients",
                        List.of("20"),
                        "maskedLength",
                        List.of("1000"),
                        "serverMode",
                        List.of("SECAGG"),
                        "serverClients",
                        List.of("10"),
                        "serverLength",
                        List.of("1000"),
                        "dropout",
                        List.of("0.1")));
        one.put("CompressionBench", Map.of("size", List.of("10000")));
        one.put(
                "DistributedDpBench",
                Map.of("length", List.of("1000"), "clients", List.of("20"), "mode", List.of("SECAGG_PLUS")));
        one.put("GemmRouteBench", Map.of("size", List.of("128")));
        // The extra run's transformer takes the class's java backend and batch 1.
        Map<String, List<ExtraRun>> extra =
                Map.of("GradientBench", List.of(new ExtraRun(Map.of("model", List.of("transformer")), 1, 2)));
        SuiteSettings tiny = new SuiteSettings("test", 0, 1, 5, 1, 5, one, extra);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        outcome = new BenchSuite(tiny, null, ThreadCounts.SINGLE, out).run(run, BenchSuite.CLASSES);
        log = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyBenchmarkMethodProducedAPositiveScore() {
        Set<String> seen = new HashSet<>();
        for (RunResult r : outcome.results()) {
            double score = r.getPrimaryResult().getScore();
            assertTrue(score > 0 && Double.isFinite(score), r.getParams().getBenchmark() + " scored " + score);
            seen.add(TidyCsv.shortName(r.getParams().getBenchmark()));
        }
        assertEquals(
                Set.of(
                        "GradientBench.grad",
                        "InversionStepBench.dlg",
                        "InversionStepBench.invertingGradients",
                        "PerExampleGradientBench.dpSgdStep",
                        "PerExampleGradientBench.dpSgdStepBatchesOfOne",
                        "PerExampleGradientBench.plainStep",
                        "ConvBench.forward",
                        "ConvBench.inputAdjoint",
                        "ConvBench.filterAdjoint",
                        "GemmBench.matmul",
                        "NoiseBench.fastGaussian",
                        "NoiseBench.zigguratGaussian",
                        "NoiseBench.floatFill",
                        "NoiseBench.memoryFill",
                        "NoiseBench.fastGaussianLarge",
                        "NoiseBench.splittableRandomNextGaussian",
                        "NoiseBench.utilRandomNextGaussian",
                        "NoiseBench.laplace",
                        "NoiseBench.discreteGaussian",
                        "MaskingBench.prg",
                        "MaskingBench.prgFill",
                        "MaskingBench.prgJdkCtr",
                        "KeyAgreementBench.agree",
                        "KeyAgreementBench.agreeJdk",
                        "MaskingBench.prgFallback",
                        "MaskingBench.jdkAesCtr",
                        "MaskingBench.jdkAesEcb",
                        "MaskingBench.maskedUpdate",
                        "MaskingBench.serverUnmask",
                        "CompressionBench.topK",
                        "CompressionBench.quantize",
                        "CompressionBench.sign",
                        "AccountantBench.epsilon",
                        "AccountantBench.noiseMultiplierSearch",
                        "AccountantBench.rdp10k",
                        "AccountantBench.prv10k",
                        "AccountantBench.prv10kEpsError01",
                        "AccountantBench.pld10k",
                        "AccountantBench.pld10kInterval1e3",
                        "AccountantBench.gdp10k",
                        "DistributedDpBench.plainClient",
                        "DistributedDpBench.ddpClient",
                        "DistributedDpBench.encode",
                        "DistributedDpBench.decode",
                        "GemmRouteBench.matmul"),
                seen);
    }

    @Test
    void anExtraRunAddsItsCombinationsAfterTheMainRun() {
        List<String> grads = outcome.results().stream()
                .filter(r -> r.getParams().getBenchmark().endsWith(".GradientBench.grad"))
                .map(r -> r.getParams().getParam("model") + "/" + r.getParams().getParam("batch") + "/"
                        + r.getParams().getMeasurement().getCount())
                .toList();
        assertEquals(List.of("mlp256x2/1/1", "transformer/1/2"), grads);
        assertEquals(
                List.of("grad:mlp256x2:1", "grad:transformer:1", "dlg:lenet:1", "ig:lenet:1"),
                TorchReference.cases(outcome.results()));
    }

    @Test
    void anUnavailableBackendIsSkippedWithASentence() {
        assertEquals(1, outcome.skipped().size(), outcome.skipped().toString());
        String note = outcome.skipped().get(0);
        assertTrue(note.startsWith("InversionStepBench with backend no-such-backend skipped: unknown backend"), note);
        assertTrue(log.contains(note));
        assertFalse(log.contains("Exception"), log);
    }

    @Test
    void thePlotsReadTheJsonAndTheTidyCsvHasOneRowPerResult() throws Exception {
        List<JmhResult> read = JmhResult.readAll(run.resolve("jmh"));
        assertEquals(outcome.results().size(), read.size());
        List<String> csv = Files.readAllLines(run.resolve("jmh/jmh.csv"));
        assertEquals(outcome.results().size() + 1, csv.size());
        assertTrue(
                csv.get(0)
                        .startsWith("benchmark,method,mode,score,score_error,unit,median,ms_per_op,"
                                + "median_ms_per_op,samples,forks,jmh_threads,nd4j_threads,java_threads,"),
                csv.get(0));
        String gemm = csv.stream()
                .filter(l -> l.startsWith("GemmBench.matmul,"))
                .findFirst()
                .orElseThrow();
        assertTrue(gemm.contains(",65536,"), "2·32³ flop in " + gemm);
    }

    @Test
    void flopCountsAndSettingsAreRecorded() throws Exception {
        List<String> flops = Files.readAllLines(run.resolve("jmh/flops.csv"));
        assertEquals("benchmark,params,flop_per_op", flops.get(0));
        assertTrue(flops.contains("GemmBench.matmul,backend=java;size=32,65536"), flops.toString());
        // LeNet-28 conv2: 12 × 12 × 25 multiply-adds per output pixel of 7 × 7, two images.
        assertTrue(
                flops.contains("ConvBench.forward,backend=java;batch=2;layer=conv2," + 2 * 2 * 12 * 12 * 25 * 49),
                flops.toString());
        assertTrue(
                flops.stream()
                        .anyMatch(l -> l.startsWith("GradientBench.grad,backend=java;batch=1;" + "model=mlp256x2,")),
                flops.toString());
        assertTrue(
                flops.stream()
                        .anyMatch(l -> l.startsWith("GradientBench.grad,backend=java;batch=1;" + "model=transformer,")),
                flops.toString());
        String settings = Files.readString(run.resolve("jmh/settings.properties"));
        assertTrue(settings.contains("jmh.extra.GradientBench.0=model\\=[transformer]\\: 1 + 2 iterations"), settings);
        assertTrue(settings.contains("jmh.threads=1"), settings);
        assertTrue(settings.contains("leakbench.nd4j.threads=1"), settings);
        assertTrue(settings.contains("leakbench.java.threads=1"), settings);
        assertTrue(settings.contains("backend.java=Pure Java"), settings);
    }
}
