package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.DataSplit;
import org.leakbench.model.io.InitialWeights;
import org.leakbench.model.io.SafetensorsReader;
import org.leakbench.model.io.WeightFile;
import org.leakbench.pipeline.CaseBuilder;
import org.leakbench.sweep.SweepParser;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;

/** {@code leakbench weights export} writes the start a sweep point of the same model, data and seed gets. */
class WeightsCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = LeakBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theExportIsTheSweepPointsSeededStart() {
        Path file = dir.resolve("mlp.safetensors");
        Run r = run(
                "weights",
                "export",
                "--model",
                "mlp",
                "--set",
                "model.width=0.25",
                "--set",
                "model.depth=1",
                "--seed",
                "4",
                "--out",
                file.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("wrote " + file + ": "), r.out());
        WeightFile w = SafetensorsReader.read(file);
        assertEquals("4", w.meta("leakbench.seed"));
        SweepPoint p = new SweepParser(org.leakbench.sweep.ParameterRegistry.defaults())
                .parse("seeds: [4]\ngrid:\n  model: [mlp]\n  model.width: [0.25]\n  model.depth: [1]\n", "w.yaml")
                .points()
                .get(0);
        DataSplit data = org.leakbench.data.Datasets.load("fashion-mnist-subset", DataDirectory.get());
        CaseBuilder.Start s = CaseBuilder.start(p, data, Backends.get("java"), new SplittableRandom(4));
        InitialWeights back = InitialWeights.of(s.model(), w, Backends.get("java"), DType.F32);
        for (int i = 0; i < s.params().size(); i++) {
            assertArrayEquals(
                    s.params().get(i).toDoubleArray(), back.params().get(i).toDoubleArray(), 0.0);
        }
    }

    @Test
    void aBadSettingIsOneLineAndWritesNothing() {
        Path file = dir.resolve("bad.safetensors");
        Run r = run("weights", "export", "--model", "mlp", "--set", "model.wdth=2", "--out", file.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("model.wdth: unknown parameter (did you mean 'model.width'?)"), r.err());
        Run noEq = run("weights", "export", "--set", "model.width", "--out", file.toString());
        assertEquals(2, noEq.exit(), noEq.err());
        assertTrue(noEq.err().contains("--set needs NAME=VALUE, got 'model.width'"), noEq.err());
        Run init = run("weights", "export", "--set", "model.init=x.safetensors", "--out", file.toString());
        assertEquals(2, init.exit(), init.err());
        assertTrue(init.err().contains("model.init is set"), init.err());
        assertTrue(!Files.exists(file));
    }
}
