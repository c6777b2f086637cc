package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;

/** Kills a real sweep process (SIGKILL) part-way, then resumes it: no row may be lost or duplicated. */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void killedSweepResumesWithoutLostOrDuplicatedRows() throws Exception {
        Path file = Files.writeString(dir.resolve("k.yaml"), """
                name: k
                seeds: [1, 2, 3]
                grid:
                  model: [mlp, lenet]
                  attack: [dlg, idlg, ig]
                """);
        Path results = dir.resolve("results");
        Path csv = results.resolve("run").resolve("results.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), LeakBench.class.getName()));
        command.addAll(
                List.of(LeakBenchCliTest.sweepArgs(file, results, "run", "--threads", "2", "--executor", "slow")));
        Process p = new ProcessBuilder(command)
                .redirectOutput(new File(dir.resolve("out.txt").toString()))
                .redirectError(new File(dir.resolve("err.txt").toString()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (rows(csv) < 5 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(
                p.isAlive(),
                "the sweep finished before it could be killed: " + Files.readString(dir.resolve("err.txt")));
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        int before = rows(csv);
        assertTrue(before >= 5 && before < 18, "rows before resume: " + before);

        LeakBenchCliTest.Result r = LeakBenchCliTest.run(
                LeakBenchCliTest.sweepArgs(file, results, "run", "--threads", "2", "--executor", "dummy"));
        assertEquals(0, r.code(), r.err());
        ResultTable t = ResultTable.read(csv);
        assertEquals(18, t.rows().size());
        Set<String> keys = new HashSet<>();
        t.rows().forEach(row -> assertTrue(keys.add(t.key(row)), "duplicate " + t.key(row)));
        assertTrue(t.rows().stream().allMatch(row -> row.get(t.column("status")).equals("ok")));
    }

    private static int rows(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(csv);
        return Math.max(0, lines.size() - 1);
    }
}
