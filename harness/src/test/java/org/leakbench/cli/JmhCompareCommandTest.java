package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakbench jmh-compare} on two small fixture runs. */
class JmhCompareCommandTest {
    @TempDir
    Path dir;

    private Path run(String name, String runId, double gradUs) throws IOException {
        Path jmh = Files.createDirectories(dir.resolve(name).resolve("jmh"));
        Files.writeString(dir.resolve(name).resolve("provenance.json"), "{\"run_id\": \"" + runId + "\"}");
        Files.writeString(
                jmh.resolve("jmh.json"),
                "[{\"benchmark\": \"org.leakbench.bench.GradientBench.grad\", "
                        + "\"mode\": \"avgt\", \"params\": {\"backend\": \"ejml\", \"batch\": \"1\", \"model\": \"lenet\"}, "
                        + "\"primaryMetric\": {\"score\": " + gradUs
                        + ", \"scoreError\": 1.0, \"scoreUnit\": \"us/op\"}}]");
        return dir.resolve(name);
    }

    private int execute(StringWriter out, StringWriter err, String... args) {
        return LeakBench.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void mergesTwoMachinesLabelledByRunId() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = execute(
                out,
                err,
                "jmh-compare",
                run("a", "cpu-box", 400).toString(),
                run("b", "gpu-box", 100).toString(),
                "--out",
                dir.resolve("cmp").toString());
        assertEquals(0, code, err.toString());
        String md = Files.readString(dir.resolve("cmp/jmh-comparison.md"));
        assertTrue(md.contains("| cpu-box ejml (ms) | gpu-box ejml (ms) |"), md);
        assertTrue(md.contains("gpu-box ejml ×4.00 vs cpu-box ejml"), md);
        assertTrue(Files.isRegularFile(dir.resolve("cmp/jmh-comparison.tex")));
        assertTrue(out.toString().contains("wrote "), out.toString());
    }

    @Test
    void labelsMustMatchTheRunsAndBeDistinct() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path a = run("a", "same", 400);
        Path b = run("b", "same", 100);
        assertEquals(
                LeakBench.EXIT_USAGE,
                execute(
                        out,
                        err,
                        "jmh-compare",
                        a.toString(),
                        b.toString(),
                        "--out",
                        dir.resolve("x").toString()));
        assertTrue(err.toString().contains("two runs share the label 'same'"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(
                LeakBench.EXIT_USAGE,
                execute(
                        out,
                        err2,
                        "jmh-compare",
                        a.toString(),
                        b.toString(),
                        "--label",
                        "cpu",
                        "--out",
                        dir.resolve("x").toString()));
        assertTrue(err2.toString().contains("--label given 1 times for 2 runs"), err2.toString());
    }
}
