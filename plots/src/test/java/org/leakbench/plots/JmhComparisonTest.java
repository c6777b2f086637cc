package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend comparison table on small fixture runs written by the test. */
class JmhComparisonTest {
    @TempDir
    Path dir;

    static String result(String benchmark, String params, double score, String unit) {
        return "{\"benchmark\": \"org.leakbench.bench." + benchmark + "\", \"mode\": \"avgt\", \"params\": {" + params
                + "}, \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": \"NaN\", \"scoreUnit\": \"" + unit
                + "\"}}";
    }

    /** A run with GEMM (1 ms for n=256 on ejml, 0.5 ms on nd4j), one gradient row and a PyTorch time. */
    static Path fixtureRun(Path root, String name, double gradEjmlUs, double gradNd4jUs) throws IOException {
        Path jmh = Files.createDirectories(root.resolve(name).resolve("jmh"));
        String json = "["
                + String.join(
                        ",",
                        result("GemmBench.matmul", "\"backend\": \"ejml\", \"size\": \"256\"", 1000, "us/op"),
                        result("GemmBench.matmul", "\"backend\": \"nd4j\", \"size\": \"256\"", 0.5, "ms/op"),
                        result(
                                "GradientBench.grad",
                                "\"backend\": \"ejml\", \"batch\": \"1\", \"model\": \"lenet\"",
                                gradEjmlUs,
                                "us/op"),
                        result(
                                "GradientBench.grad",
                                "\"backend\": \"nd4j\", \"batch\": \"1\", \"model\": \"lenet\"",
                                gradNd4jUs,
                                "us/op"),
                        result("NoiseBench.fastGaussian", "", 1e8, "ops/s"))
                + "]";
        Files.writeString(jmh.resolve("jmh.json"), json);
        Files.writeString(jmh.resolve("flops.csv"), """
                benchmark,params,flop_per_op
                GemmBench.matmul,backend=ejml;size=256,33554432
                GemmBench.matmul,backend=nd4j;size=256,33554432
                GradientBench.grad,backend=ejml;batch=1;model=lenet,3355443
                GradientBench.grad,backend=nd4j;batch=1;model=lenet,3355443
                """);
        Files.writeString(jmh.resolve("torch.csv"), """
                model,input,batch,path,threads,median_ms,params
                lenet,1x28x28,1,grad,2,0.4,13426
                lenet,1x28x28,1,dlg,2,10,13426
                """);
        Files.writeString(jmh.resolve("settings.properties"), """
                jmh.threads=1
                leakbench.nd4j.threads=1
                load.before=1.00 0.50 0.20
                load.after=1.10 0.60 0.30
                """);
        return root.resolve(name);
    }

    @Test
    void oneRunGivesTimesSpeedUpRatesAndThePyTorchRatio() throws IOException {
        JmhSource s = JmhSource.read(fixtureRun(dir, "cpu", 200, 800), "");
        TextTable t = JmhComparison.build(List.of(s));
        assertEquals(
                List.of(
                        "operation",
                        "params",
                        "ejml (ms)",
                        "nd4j (ms)",
                        "fastest",
                        "GFLOP/s",
                        "% of GEMM peak",
                        "PyTorch (ms)",
                        "best / PyTorch"),
                t.header());
        assertEquals(2, t.rows().size(), "the noise benchmark has no backend and stays out");
        List<TextTable.Cell> gemm = t.rows().get(0);
        assertEquals("0.500", gemm.get(3).text());
        assertTrue(gemm.get(3).bold());
        assertEquals("nd4j ×2.00 vs ejml", gemm.get(4).text());
        assertEquals("67.1", gemm.get(5).text()); // 2·256³ / 0.5 ms
        assertEquals("100%", gemm.get(6).text());
        List<TextTable.Cell> grad = t.rows().get(1);
        assertEquals("batch=1, model=lenet", grad.get(1).text());
        assertEquals("ejml ×4.00 vs nd4j", grad.get(4).text());
        assertEquals("16.8", grad.get(5).text()); // 3355443 flop / 0.2 ms
        assertEquals("50%", grad.get(6).text()); // of ejml's own GEMM rate, 33.6 GFLOP/s
        assertEquals("0.400", grad.get(7).text());
        assertEquals("0.50", grad.get(8).text());
    }

    @Test
    void barFiguresGetAPyTorchBarOnlyWhereEveryGroupHasOne() throws IOException {
        JmhSource s = JmhSource.read(fixtureRun(dir, "bars", 200, 800), "");
        JmhResult grad = s.results().stream()
                .filter(r -> r.shortName().equals("GradientBench.grad"))
                .findFirst()
                .orElseThrow();
        JmhResult gemm = s.results().stream()
                .filter(r -> r.shortName().equals("GemmBench.matmul"))
                .findFirst()
                .orElseThrow();
        Map<String, Map<String, JmhResult>> groups =
                Map.of("lenet", Map.of("ejml", grad), "gemm", Map.of("ejml", gemm));
        assertEquals(List.of(400.0), JmhFigures.torchBars(s, List.of("lenet"), groups, "us/op"));
        assertEquals(List.of(0.4), JmhFigures.torchBars(s, List.of("lenet"), groups, "ms/op"));
        assertEquals(
                null,
                JmhFigures.torchBars(s, List.of("lenet", "gemm"), groups, "us/op"),
                "PyTorch has no GEMM row: no bar series rather than a missing bar");
        assertEquals(null, JmhFigures.torchBars(s, List.of("lenet"), groups, "ops/s"));
    }

    @Test
    void twoMachinesGetLabelledColumnsAndOwnPeaks() throws IOException {
        JmhSource cpu = JmhSource.read(fixtureRun(dir, "run-a", 200, 800), "cpu");
        JmhSource gpu = JmhSource.read(fixtureRun(dir, "run-b", 300, 100), "gpu");
        TextTable t = JmhComparison.build(List.of(cpu, gpu));
        assertEquals(
                List.of(
                        "operation",
                        "params",
                        "cpu ejml (ms)",
                        "cpu nd4j (ms)",
                        "gpu ejml (ms)",
                        "gpu nd4j (ms)",
                        "fastest",
                        "GFLOP/s",
                        "% of GEMM peak",
                        "cpu PyTorch (ms)",
                        "cpu best / PyTorch",
                        "gpu PyTorch (ms)",
                        "gpu best / PyTorch"),
                t.header());
        List<TextTable.Cell> grad = t.rows().get(1);
        assertEquals(
                "gpu nd4j ×2.00 vs cpu ejml; ×8.00 vs cpu nd4j; ×3.00 vs gpu ejml",
                grad.get(6).text());
        assertEquals("50%", grad.get(8).text()); // 33.6 GFLOP/s of gpu nd4j's 67.1
        assertEquals("0.25", grad.get(12).text());
        List<Path> files = JmhComparison.write(List.of(cpu, gpu), dir.resolve("out"), "jmh-comparison", "");
        String tex = Files.readString(files.get(1));
        assertTrue(tex.contains("\\toprule") && tex.contains("\\textbf{0.100}"), tex);
        String md = Files.readString(files.get(0));
        assertTrue(
                md.contains("cpu: JMH threads 1, ND4J threads 1; load 1.00 0.50 0.20 before, 1.10 0.60 0.30 after; "
                        + "PyTorch reference (median) on the same machine, 2 threads."),
                md);
    }

    /** Runs from before the java backend's rename recorded its op threads as leakbench.ejml.threads. */
    @Test
    void theJavaBackendsThreadsAreReadUnderEitherName() {
        for (String key : List.of("leakbench.java.threads", "leakbench.ejml.threads")) {
            JmhSource s = new JmhSource(
                    "a",
                    List.of(),
                    Map.of(),
                    Map.of(),
                    Map.of("jmh.threads", "1", "leakbench.nd4j.threads", "1", key, "2"),
                    "");
            String caption = JmhComparison.caption(List.of(s), "");
            assertTrue(caption.contains("ND4J threads 1, java threads 2"), caption);
        }
    }

    @Test
    void sampledOperationsAreQuotedByTheirMedian() throws IOException {
        Path jmh = Files.createDirectories(dir.resolve("sampled/jmh"));
        Files.writeString(
                jmh.resolve("jmh.json"),
                "[{\"benchmark\": \"org.leakbench.bench.GradientBench.grad\", "
                        + "\"mode\": \"sample\", \"params\": {\"backend\": \"ejml\", \"batch\": \"1\", \"model\": \"lenet\"}, "
                        + "\"primaryMetric\": {\"score\": 2.5, \"scoreError\": 0.5, \"scoreUnit\": \"ms/op\", "
                        + "\"scorePercentiles\": {\"0.0\": 0.9, \"50.0\": 1.2, \"100.0\": 40.0}}}]");
        JmhSource s = JmhSource.read(dir.resolve("sampled"), "");
        assertEquals(1.2, s.results().get(0).median(), 1e-12);
        assertEquals(
                "1.20", JmhComparison.build(List.of(s)).rows().get(0).get(2).text());
    }

    @Test
    void aBrokenTorchFileNamesFileColumnAndLine() throws IOException {
        Path run = fixtureRun(dir, "bad", 200, 800);
        Files.writeString(run.resolve("jmh/torch.csv"), """
                model,input,batch,path,threads,median_ms,params
                lenet,1x28x28,1,grad,2,fast,13426
                """);
        PlotInputException e = assertThrows(PlotInputException.class, () -> JmhSource.read(run, ""));
        assertTrue(
                e.getMessage().contains("torch.csv")
                        && e.getMessage().contains("median_ms")
                        && e.getMessage().contains("2"),
                e.getMessage());
    }
}
