package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

class RunFoldersTest {
    @TempDir
    Path root;

    private Path runFolder(String id) throws IOException {
        Path run = Files.createDirectories(root.resolve(id));
        Files.writeString(run.resolve(RunLayout.RESULTS), "point_id,seed,status\n");
        return run;
    }

    @Test
    void latestMayBeALinkOrATextFile() throws IOException {
        Path a = runFolder("a");
        Path b = runFolder("b");
        RunFolders.markLatest(root, a);
        assertEquals(a.toRealPath(), RunFolders.resolve(root.resolve("latest")));
        Files.delete(root.resolve("latest"));
        Files.writeString(root.resolve("latest"), "b\n");
        assertEquals(b.toRealPath(), RunFolders.resolve(root.resolve("latest")));
        assertEquals(b.toRealPath(), RunFolders.resolve(root));
        assertEquals(
                b.toRealPath(), RunFolders.resolve(b.resolve(RunLayout.RESULTS)).toRealPath());
        RunFolders.markLatest(root, a);
        assertEquals(a.toRealPath(), RunFolders.resolve(root));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RunFolders.resolve(root.resolve("nowhere")));
        assertTrue(e.getMessage().contains("no such run folder"), e.getMessage());
    }

    @Test
    void failingSharedBuildFailsItsGroupOnlyAndIsTriedOnce() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        PointExecutor exec = (p, ctx) -> {
            if (p.string("model").equals("lenet")) {
                ctx.shared("model", () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("cannot build lenet");
                });
            }
            return Map.of("mse", 1.0);
        };
        Sweep sweep = new SweepParser(ParameterRegistry.defaults())
                .parse("grid:\n  model: [mlp, lenet]\n  attack: [dlg, idlg, ig]\n", "g.yaml");
        RunSummary s =
                new SweepRunner(sweep, exec, RunOptions.defaults(root, "g").withThreads(1)).run();
        assertEquals(3, s.ok());
        assertEquals(3, s.failed());
        assertEquals(1, attempts.get());
        ResultTable t = ResultTable.read(root.resolve("g").resolve(RunLayout.RESULTS));
        assertTrue(t.rows().stream()
                .map(r -> r.get(t.column("status")))
                .filter(x -> x.startsWith("failed"))
                .allMatch(x -> x.contains("cannot build lenet")));
    }

    @Test
    void headerChangeIsRefusedWithAClearMessage() throws IOException {
        Path run = runFolder("old");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ResultStore.open(
                        run.resolve(RunLayout.RESULTS), ResultStore.header(ParameterRegistry.defaults()), false));
        assertTrue(e.getMessage().contains("different columns"), e.getMessage());
    }
}
