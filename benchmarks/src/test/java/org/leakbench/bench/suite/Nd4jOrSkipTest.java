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

/**
 * The nd4j backend either runs a benchmark (a CPU build) or, where it cannot start (the CUDA build on a
 * machine without a GPU), the benchmark is skipped with the backend's one sentence and no stack trace.
 */
class Nd4jOrSkipTest {
    @TempDir
    Path run;

    @Test
    void nd4jRunsOrIsSkippedWithASentence() throws Exception {
        SuiteSettings tiny = new SuiteSettings("test", 0, 1, 5, 1, 5,
                Map.of("GemmBench", Map.of("backend", List.of("nd4j"), "size", List.of("16"))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BenchSuite suite = new BenchSuite(tiny, null, ThreadCounts.SINGLE, log);
        try {
            BenchSuite.Outcome out = suite.run(run, List.of(GemmBench.class));
            assertEquals(1, out.results().size());
            assertTrue(out.skipped().isEmpty());
            System.out.println("nd4j ran: " + out.results().get(0).getPrimaryResult());
        } catch (IllegalStateException e) {
            System.out.println("nd4j skipped: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("every selected benchmark was skipped: GemmBench with backend nd4j "
                    + "skipped: The nd4j backend"), e.getMessage());
            assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\tat "), "no stack trace in the log");
        }
    }
}
