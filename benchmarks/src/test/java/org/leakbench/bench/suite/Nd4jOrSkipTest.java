package org.leakbench.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.bench.GemmBench;
import org.leakbench.tensor.nd4j.Nd4jBackend;

/**
 * The nd4j backend either runs a benchmark or, only where it may fail to start (the CUDA build on a machine
 * without a GPU), the benchmark is skipped with the backend's one sentence and no stack trace. On the CPU build
 * the native backend ships in the jar, so a skip there fails the test.
 */
class Nd4jOrSkipTest {
    @TempDir
    Path run;

    @Test
    void nd4jRunsOrIsSkippedWithASentence() throws Exception {
        SuiteSettings tiny = new SuiteSettings(
                "test", 0, 1, 5, 1, 5, Map.of("GemmBench", Map.of("backend", List.of("nd4j"), "size", List.of("16"))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BenchSuite suite = new BenchSuite(tiny, null, ThreadCounts.SINGLE, log);
        try {
            BenchSuite.Outcome out = suite.run(run, List.of(GemmBench.class));
            assertEquals(1, out.results().size());
            assertTrue(out.skipped().isEmpty());
        } catch (IllegalStateException e) {
            assertTrue(
                    Nd4jBackend.cudaBuild(),
                    "ND4J's native CPU backend must start on the CPU build (only the "
                            + "CUDA build without a GPU may skip): " + e.getMessage());
            assertTrue(
                    e.getMessage()
                            .startsWith("every selected benchmark was skipped: GemmBench with backend nd4j "
                                    + "skipped: The nd4j backend"),
                    e.getMessage());
            assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace in the log");
        }
    }
}
