package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.RunLayout;

/** The thread-scaling table and figure on a run folder with a one-thread run and a two-thread pass. */
class ThreadScalingTest {
    static String grad(String backend, double us) {
        return JmhComparisonTest.result(
                "GradientBench.grad",
                "\"backend\": \"" + backend + "\", \"batch\": \"32\", \"model\": \"lenet\"",
                us,
                "us/op");
    }

    static String gemm(String backend, double ms) {
        return JmhComparisonTest.result(
                "GemmBench.matmul", "\"backend\": \"" + backend + "\", \"size\": \"1024\"", ms, "ms/op");
    }

    /** Main run: java 2 ms, nd4j 8 ms, PyTorch 4 ms; pass at 2 threads: java 1.25 ms, nd4j 8 ms, PyTorch 5 ms. */
    static void writeRun(Path run) throws IOException {
        Path jmh = Files.createDirectories(run.resolve(RunLayout.JMH));
        Files.writeString(
                jmh.resolve("jmh.json"),
                "["
                        + String.join(
                                ",",
                                grad("java", 2000),
                                grad("nd4j", 8000),
                                gemm("java", 30),
                                gemm("nd4j", 20),
                                // a row the pass did not measure stays out of the table
                                JmhComparisonTest.result(
                                        "GradientBench.grad",
                                        "\"backend\": \"java\", \"batch\": \"1\", \"model\": \"lenet\"",
                                        100,
                                        "us/op"))
                        + "]");
        Files.writeString(jmh.resolve("torch.csv"), """
                model,input,batch,path,threads,median_ms,params
                lenet,1x28x28,32,grad,1,4,13426
                lenet,1x28x28,1,grad,1,0.5,13426
                """);
        Path pass = Files.createDirectories(jmh.resolve("threads-2"));
        Files.writeString(
                pass.resolve("jmh.json"),
                "[" + String.join(",", grad("java", 1250), grad("nd4j", 8000), gemm("java", 16), gemm("nd4j", 10))
                        + "]");
        Files.writeString(pass.resolve("torch.csv"), """
                model,input,batch,path,threads,median_ms,params
                lenet,1x28x28,32,grad,2,5,13426
                """);
    }

    @Test
    void pairsEachPassRowWithItsOneThreadTimeAndPyTorchAtBothCounts(@TempDir Path dir) throws IOException {
        writeRun(dir);
        List<ThreadScalingRows.Row> rows = ThreadScalingRows.read(dir);
        assertEquals(2, rows.size(), rows.toString());
        ThreadScalingRows.Row grad = rows.get(0);
        assertEquals("GradientBench.grad", grad.operation());
        assertEquals(2, grad.threads());
        assertEquals(
                List.of("java", "nd4j", ThreadScalingRows.TORCH),
                List.copyOf(grad.series().keySet()));
        assertEquals(1.6, grad.series().get("java").speedup(), 1e-12);
        assertEquals(1.0, grad.series().get("nd4j").speedup(), 1e-12);
        assertEquals(0.8, grad.series().get(ThreadScalingRows.TORCH).speedup(), 1e-12);
        assertFalse(rows.get(1).series().containsKey(ThreadScalingRows.TORCH), "PyTorch has no GEMM row");

        TextTable t = ThreadScalingTable.build(rows);
        assertEquals("java speed-up", t.header().get(5));
        List<TextTable.Cell> row = t.rows().get(0);
        assertEquals("batch=32, model=lenet", row.get(1).text());
        assertEquals("1.60", row.get(5).text());
        assertEquals("0.50", row.get(12).text()); // best at 1 thread (java 2 ms) / PyTorch 4 ms
        assertEquals("0.25", row.get(13).text()); // java 1.25 ms / PyTorch 5 ms at 2 threads
        assertEquals("", t.rows().get(1).get(12).text());
    }

    @Test
    void rendersTheTableAndFigureAndSkipsThemWithoutAPass(@TempDir Path dir) throws Exception {
        Path run = Fixtures.copyRun(dir.resolve("with"));
        writeRun(run);
        PlotReport report = Plots.renderRun(run);
        assertTrue(report.hasFigure(ThreadScalingFigure.NAME), report.skipped().toString());
        String md = Files.readString(run.resolve(RunLayout.TABLES).resolve(ThreadScalingTable.NAME + ".md"));
        assertTrue(md.contains("| GradientBench.grad | batch=32, model=lenet | 2 |"), md);

        PlotReport without = Plots.renderRun(Fixtures.copyRun(dir.resolve("without")));
        assertFalse(without.hasFigure(ThreadScalingFigure.NAME));
        assertTrue(
                without.skipped().toString().contains("jmh/threads-N"),
                without.skipped().toString());
    }

    @Test
    void labelsBarsShortly() {
        ThreadScalingRows.Row r =
                new ThreadScalingRows.Row("GemmBench.matmul", java.util.Map.of("size", "1024"), 2, java.util.Map.of());
        assertEquals("matmul 1024³", ThreadScalingFigure.label(r, false));
        assertEquals("matmul 1024³ @2", ThreadScalingFigure.label(r, true));
    }
}
