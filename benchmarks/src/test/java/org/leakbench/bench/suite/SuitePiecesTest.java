package org.leakbench.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakbench.bench.GradientBench;
import org.leakbench.bench.InversionStepBench;
import org.leakbench.bench.Workload;
import org.leakbench.model.ModelSpec;

/** The runner's small parts: settings, selection, unit conversion and operation counts. */
class SuitePiecesTest {
    @Test
    void settingsByName() {
        assertEquals(1, SuiteSettings.of("quick").forks());
        assertEquals(3, SuiteSettings.of(" Paper ").forks());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SuiteSettings.of("fast"));
        assertEquals("unknown JMH settings 'fast'; choose one of [quick, paper]", e.getMessage());
    }

    @Test
    void includeSelectsMethodsByFullName() {
        BenchSuite s =
                new BenchSuite(SuiteSettings.of("quick"), "InversionStepBench.dlg", ThreadCounts.SINGLE, System.out);
        assertEquals(List.of("dlg"), s.selectedMethods(InversionStepBench.class));
        assertEquals(List.of(), s.selectedMethods(GradientBench.class));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BenchSuite(SuiteSettings.of("quick"), "(", ThreadCounts.SINGLE, System.out));
    }

    @Test
    void threadCountsArePositiveAndReachTheForks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThreadCounts(1, 1, 0));
        assertEquals("thread counts must be >= 1, got JMH 1, ND4J 1, java 0", e.getMessage());
        assertEquals(
                List.of("-Dleakbench.nd4j.threads=2", "-Dleakbench.java.threads=3"),
                List.of(new ThreadCounts(1, 2, 3).forkArgs()));
    }

    @Test
    void parametersAreFoundOnTheClassAndItsStatesAtAnyVisibility() {
        assertTrue(BenchSuite.declaresParam(org.leakbench.bench.CompressionBench.class, "size"));
        assertTrue(BenchSuite.declaresParam(org.leakbench.bench.MaskingBench.class, "dropout"));
        assertTrue(BenchSuite.declaresParam(org.leakbench.bench.NoiseBench.class, "sigma"));
        assertEquals(List.of("java", "nd4j"), BenchSuite.annotatedValues(GradientBench.class, "backend"));
        assertTrue(!BenchSuite.declaresParam(GradientBench.class, "size"));
    }

    @Test
    void scoresBecomeMillisecondsPerOperation() {
        assertEquals(1.5, TidyCsv.millisPerOp(1500, "us/op"), 1e-12);
        assertEquals(0.25, TidyCsv.millisPerOp(4000, "ops/s"), 1e-12);
        assertEquals(2.0, TidyCsv.millisPerOp(2, "ms/op"), 1e-12);
        assertTrue(Double.isNaN(TidyCsv.millisPerOp(1, "bytes")));
    }

    @Test
    void numbersAreWrittenExactlyOrToSixDigits() {
        assertEquals("65536", TidyCsv.num(65536.0));
        assertEquals("0.0270758", TidyCsv.num(0.02707581234));
        assertEquals("1.5", TidyCsv.num(1.5));
        assertEquals("1.23457e+20", TidyCsv.num(1.234567e20));
        assertEquals("NaN", TidyCsv.num(Double.NaN));
    }

    @Test
    void gradientOperationCountFollowsTheLayers() {
        // mlp256x2: 784·256, 256·256, 256·10 multiply-adds; the first layer has no input gradient.
        double expected = 2 * 2.0 * 784 * 256 + 3 * 2.0 * 256 * 256 + 3 * 2.0 * 256 * 10;
        assertEquals(expected, FlopCount.gradient(Workload.spec("mlp256x2"), 1), 1e-6);
        assertEquals(
                32 * expected,
                FlopCount.of("GradientBench.grad", Map.of("model", "mlp256x2", "batch", "32"))
                        .orElseThrow(),
                1e-6);
        // LeNet on 1x28x28: 14x14, 7x7, 7x7 outputs of 12 channels, then 588 -> 10.
        double lenet = 2 * 2.0 * 12 * 25 * 196
                + 3 * 2.0 * 12 * 12 * 25 * 49
                + 3 * 2.0 * 12 * 12 * 25 * 49
                + 3 * 2.0 * 588 * 10;
        assertEquals(lenet, FlopCount.gradient(Workload.spec("lenet"), 1), 1e-6);
        assertTrue(FlopCount.of("InversionStepBench.dlg", Map.of("model", "lenet", "batch", "1"))
                .isEmpty());
    }

    @Test
    void resnetOperationCountFollowsItsConvolutions() {
        // ResNet-20: stem 16·3·9·32², three 16→16 blocks on 32², then 32 and 64 channels on 16² and 8² with a
        // 1x1 projection at each stage's start, and 64 → 10.
        double projection = 16 * 3 * 9 * 1024.0
                + 6 * 16 * 16 * 9 * 1024.0
                + (32 * 16 * 9 * 256.0 + 32 * 16 * 256.0 + 5 * 32 * 32 * 9 * 256.0)
                + (64 * 32 * 9 * 64.0 + 64 * 32 * 64.0 + 5 * 64 * 64 * 9 * 64.0)
                + 64 * 10;
        assertEquals(40_813_184, projection, 1e-6);
        assertEquals(projection, sum(FlopCount.layerMacs(Workload.spec("resnet20"))), 1e-6);
        // With the paper's parameter-free shortcuts: the 40.55 M multiply-adds usually quoted for ResNet-20.
        ModelSpec padded = Workload.spec("resnet20").withOption(ModelSpec.SHORTCUT, "padding");
        assertEquals(40_551_040, sum(FlopCount.layerMacs(padded)), 1e-6);
        // Width 4 multiplies the convolutions after the stem by 16, the stem (3 input channels) and the classifier
        // by 4.
        double stem = 16 * 3 * 9 * 1024.0;
        assertEquals(
                16 * (projection - 640 - stem) + 4 * (stem + 640),
                sum(FlopCount.layerMacs(Workload.spec("resnet20w4"))),
                1e-6);
        assertEquals(
                32 * (2 * 2 * stem + 3 * 2 * (projection - stem)),
                FlopCount.of("GradientBench.grad", Map.of("model", "resnet20", "batch", "32"))
                        .orElseThrow(),
                1e-3);
    }

    @Test
    void transformerOperationCountFollowsItsProductsAndAttention() {
        // Per block on 32 positions of width 64: q/k/v 32·64·192, scores and values 32·32·64 each, projection
        // 32·64·64, MLP 2·32·64·256; the head on the last position, 64·96. The look-up costs nothing, so every
        // product takes three passes.
        double block = 32 * 64 * 192 + 2 * 32 * 32 * 64 + 32 * 64 * 64 + 2 * 32 * 64 * 256;
        double macs = 2 * block + 64 * 96;
        assertEquals(macs, sum(FlopCount.layerMacs(Workload.spec("transformer"))), 1e-6);
        assertEquals(3 * 2.0 * macs, FlopCount.gradient(Workload.spec("transformer"), 1), 1e-6);
        assertTrue(FlopCount.of("GradientBench.grad", Map.of("model", "transformer", "batch", "1"))
                .isPresent());
    }

    private static double sum(double[] v) {
        return java.util.Arrays.stream(v).sum();
    }

    @Test
    void extraRunsReplaceTheClassValuesKeyByKeyAndCheckTheirLength() {
        ExtraRun run = new ExtraRun(Map.of("model", List.of("resnet20")), 2, 2);
        Map<String, List<String>> merged = run.over(Map.of("model", List.of("lenet"), "batch", List.of("1", "32")));
        assertEquals(Map.of("model", List.of("resnet20"), "batch", List.of("1", "32")), merged);
        assertEquals("model=[resnet20]: 2 + 2 iterations", run.describe());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new ExtraRun(Map.of("model", List.of("resnet20")), 1, 1));
        assertEquals(
                "an extra JMH run needs >= 1 warm-up and >= 2 measured iterations, got 1 and 1 for "
                        + "{model=[resnet20]}",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ExtraRun(Map.of(), 1, 2));
    }

    @Test
    void anExtraRunForSomeMethodsLeavesTheOthersOut() {
        ExtraRun run = new ExtraRun(Map.of("serverClients", List.of("1000")), 1, 3, List.of("serverUnmask"));
        assertEquals(List.of("serverUnmask"), run.of(List.of("prg", "maskedUpdate", "serverUnmask")));
        assertEquals(List.of(), run.of(List.of("prg")));
        assertEquals(List.of("prg"), new ExtraRun(Map.of("x", List.of("1")), 1, 2).of(List.of("prg")));
        assertTrue(run.describe().contains("[serverUnmask] only"), run.describe());
    }

    /** Quick never sets up n = 1000 for the unmasking (minutes); paper measures it at 10^4 and 10^5 coordinates. */
    @Test
    void theUnmaskingAtAThousandClientsIsMeasuredInPaperOnly() {
        SuiteSettings quick = SuiteSettings.of("quick");
        assertEquals(List.of("100"), quick.overridesFor("MaskingBench").get("serverClients"));
        assertTrue(quick.extraRunsFor("MaskingBench").isEmpty());
        SuiteSettings paper = SuiteSettings.of("paper");
        assertTrue(paper.extraRunsFor("MaskingBench").stream()
                .anyMatch(r -> r.params().get("serverClients").equals(List.of("1000"))
                        && r.params().get("serverLength").contains("100000")
                        && r.methods().equals(List.of("serverUnmask"))));
    }

    @Test
    void quickValuesAreAnnotatedValuesSoPaperMeasuresEverythingQuickDoes() {
        SuiteSettings quick = SuiteSettings.of("quick");
        for (Class<?> cls : BenchSuite.CLASSES) {
            List<Map<String, List<String>>> runs = new java.util.ArrayList<>();
            runs.add(quick.overridesFor(cls.getSimpleName()));
            quick.extraRunsFor(cls.getSimpleName()).forEach(r -> runs.add(r.params()));
            for (Map<String, List<String>> run : runs) {
                run.forEach((param, values) -> {
                    assertTrue(BenchSuite.declaresParam(cls, param), cls.getSimpleName() + " has no " + param);
                    List<String> annotated = BenchSuite.annotatedValues(cls, param);
                    assertTrue(
                            annotated.containsAll(values),
                            cls.getSimpleName() + "." + param + " " + values + " not all in " + annotated);
                });
            }
        }
    }

    @Test
    void quickMeasuresTheLargerModelsWhereTheyFitAndPaperEverywhere() {
        SuiteSettings quick = SuiteSettings.of("quick");
        List<String> models = List.of("resnet20", "resnet20w4", "transformer");
        assertTrue(BenchSuite.annotatedValues(GradientBench.class, "model").containsAll(models));
        assertTrue(BenchSuite.annotatedValues(InversionStepBench.class, "model").containsAll(models));
        // The main quick run keeps to the millisecond models; the larger ones come in extra runs.
        assertTrue(quick.overridesFor("GradientBench").get("model").stream().noneMatch(models::contains));
        assertEquals(
                List.of("resnet20", "resnet20w4", "transformer"),
                quick.extraRunsFor("GradientBench").get(0).params().get("model"));
        // Paper measures every annotated model, the larger ones in their extra run, at every batch and backend.
        SuiteSettings paper = SuiteSettings.of("paper");
        for (Class<?> cls : List.of(GradientBench.class, InversionStepBench.class)) {
            String name = cls.getSimpleName();
            assertEquals(Set.of("model"), paper.overridesFor(name).keySet());
            List<String> all =
                    new java.util.ArrayList<>(paper.overridesFor(name).get("model"));
            for (ExtraRun run : paper.extraRunsFor(name)) {
                assertEquals(Set.of("model"), run.params().keySet());
                all.addAll(run.params().get("model"));
            }
            assertEquals(Set.copyOf(BenchSuite.annotatedValues(cls, "model")), Set.copyOf(all), name);
            assertEquals(BenchSuite.annotatedValues(cls, "model").size(), all.size(), name + " measures a model twice");
        }
    }

    @Test
    void torchCasesAreTheMirroredMethodsWithTheirModelAndBatch() {
        assertEquals(
                java.util.Optional.of("grad:resnet20:32"),
                TorchReference.caseOf(
                        "GradientBench.grad", Map.of("backend", "java", "model", "resnet20", "batch", "32")));
        assertEquals(
                java.util.Optional.of("ig:transformer:1"),
                TorchReference.caseOf(
                        "InversionStepBench.invertingGradients", Map.of("model", "transformer", "batch", "1")));
        assertTrue(TorchReference.caseOf("PerExampleGradientBench.plainStep", Map.of("model", "mlp256x2", "batch", "1"))
                .isEmpty());
        assertTrue(TorchReference.caseOf("GradientBench.grad", Map.of("model", "lenet"))
                .isEmpty());
    }

    @Test
    void thePaperReferenceMayRunLongerThanQuick() {
        assertEquals(20, TorchReference.timeoutMinutes("quick"));
        assertEquals(180, TorchReference.timeoutMinutes("paper"));
    }

    @Test
    void modelNamesAreCheckedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workload.spec("resnet"));
        assertTrue(e.getMessage().startsWith("unknown benchmark model 'resnet'"), e.getMessage());
    }
}
