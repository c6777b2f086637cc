package org.leakbench.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leakbench.bench.GradientBench;
import org.leakbench.bench.InversionStepBench;
import org.leakbench.bench.Workload;

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
    void modelNamesAreCheckedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workload.spec("resnet"));
        assertTrue(e.getMessage().startsWith("unknown benchmark model 'resnet'"), e.getMessage());
    }
}
