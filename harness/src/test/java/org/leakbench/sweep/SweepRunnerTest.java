package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

class SweepRunnerTest {
    @TempDir
    Path results;

    private RunSummary run(Sweep sweep, PointExecutor executor, RunOptions options) throws IOException {
        return new SweepRunner(sweep, executor, options).run();
    }

    private RunOptions options(String runId) {
        return RunOptions.defaults(results, runId).withThreads(2);
    }

    private ResultTable table(String runId) throws IOException {
        return ResultTable.read(results.resolve(runId).resolve(RunLayout.RESULTS));
    }

    private static List<String> statuses(ResultTable t) {
        return t.rows().stream().map(r -> r.get(t.column("status"))).toList();
    }

    @Test
    void writesOneTidyRowPerPointAndSeedInSweepOrder() throws IOException {
        Sweep sweep = DummyExecutors.tinySweep();
        DummyExecutors.Seeded exec = new DummyExecutors.Seeded();
        RunSummary s = run(sweep, exec, options("a"));
        assertEquals(16, s.ok());
        ResultTable t = table("a");
        assertEquals(ResultStore.header(sweep.registry()), t.header());
        assertTrue(t.header()
                .containsAll(List.of(
                        "point_id", "seed", "model_width", "attack_iterations", "psnr", "peak_heap_mb", "status")));
        List<String> expected =
                sweep.points().stream().map(p -> p.pointId() + "|" + p.seed()).toList();
        assertEquals(expected, t.rows().stream().map(t::key).toList());
        assertEquals(8, exec.builds.get(), "one shared build per (expensive params, seed) group");
        Map<String, String> first = t.asMap(t.rows().get(0));
        assertEquals("mlp", first.get("model"));
        assertEquals("1", first.get("model_width"));
        assertEquals("1234", first.get("params"));
        assertTrue(Double.parseDouble(first.get("peak_heap_mb")) > 0);
        assertTrue(Files.isSymbolicLink(results.resolve("latest")) || Files.isRegularFile(results.resolve("latest")));
        assertEquals(results.resolve("a").toRealPath(), RunFolders.resolve(results));
    }

    @Test
    void eachPointRunsOnItsOwnBackendParameterOrTheSweeps() throws IOException {
        Sweep sweep = new SweepParser(ParameterRegistry.defaults()).parse("""
                name: mixed
                seeds: [1]
                backend: nd4j
                grid:
                  backend: [sweep, java, ejml, nd4j]
                  attack: [oracle]
                """, "mixed.yaml");
        Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        PointExecutor recording = (point, ctx) -> {
            seen.put(String.valueOf(point.params().get("backend")), ctx.backend());
            return Map.of("psnr", 1.0);
        };
        assertEquals(4, run(sweep, recording, options("mixed")).ok());
        // ejml, the java backend's former name, still selects it
        assertEquals(Map.of("sweep", "nd4j", "java", "java", "ejml", "java", "nd4j", "nd4j"), seen);
        ResultTable t = table("mixed");
        assertEquals(
                List.of("sweep", "java", "ejml", "nd4j"),
                t.rows().stream().map(r -> r.get(t.column("backend"))).toList());
    }

    @Test
    void failuresAreIsolatedAndReportedOnOneLine() throws IOException {
        PointExecutor exec = (p, ctx) -> switch (p.string("model") + "/" + p.intValue("batch")) {
            case "mlp/1" -> throw new IllegalStateException("setup broke\nsecond line");
            case "mlp/4" -> throw new OutOfMemoryError("Java heap space");
            case "lenet/1" -> Map.of("psnr", 3.0, "bogus_metric", 1.0);
            default -> Map.of("psnr", Double.NaN, "status", "diverged");
        };
        RunSummary s = run(DummyExecutors.tinySweep(), exec, options("f"));
        assertEquals(12, s.failed());
        assertEquals(4, s.diverged());
        Set<String> distinct = new HashSet<>(statuses(table("f")));
        assertEquals(
                Set.of("failed: setup broke second line", "failed: out of memory (Java heap space)", "diverged"),
                distinct.stream().filter(x -> !x.contains("bogus")).collect(Collectors.toSet()));
        assertTrue(
                distinct.stream()
                        .anyMatch(x -> x.startsWith("failed: executor returned unknown metric " + "'bogus_metric'")),
                distinct.toString());
    }

    @Test
    void slowPointTimesOutAndTheSweepGoesOn() throws IOException {
        PointExecutor exec = (p, ctx) -> {
            if (p.string("attack").equals("idlg")
                    && p.intValue("batch") == 4
                    && p.string("model").equals("mlp")) {
                while (!ctx.cancelled()) {
                    Thread.onSpinWait();
                }
                ctx.checkCancelled();
            }
            return Map.of("mse", 0.5);
        };
        RunSummary s = run(DummyExecutors.tinySweep(), exec, options("t").withTimeout(Duration.ofMillis(300)));
        assertEquals(2, s.timedOut());
        assertEquals(14, s.ok());
        assertEquals(2, statuses(table("t")).stream().filter("timeout"::equals).count());
    }

    @Test
    void resumeAfterKillLosesAndDuplicatesNothing() throws IOException {
        Sweep sweep = DummyExecutors.tinySweep();
        run(sweep, new DummyExecutors.Seeded(), options("full"));
        List<String> complete = Files.readAllLines(results.resolve("full").resolve(RunLayout.RESULTS));
        // Simulate a kill after 5 rows, in the middle of writing the 6th.
        Path killed = Files.createDirectories(results.resolve("killed")).resolve(RunLayout.RESULTS);
        String partial = String.join("\n", complete.subList(0, 6)) + "\n"
                + complete.get(6).substring(0, 20);
        Files.writeString(killed, partial);
        DummyExecutors.Seeded exec = new DummyExecutors.Seeded();
        RunSummary s = run(sweep, exec, options("killed"));
        assertEquals(5, s.skipped());
        assertEquals(11, exec.runs.get());
        assertEquals(stable(table("full")), stable(table("killed")));
    }

    @Test
    void failedPointsAreRetriedAndForceRedoesEverything() throws IOException {
        Sweep sweep = DummyExecutors.tinySweep();
        PointExecutor flaky = (p, ctx) -> {
            if (p.string("attack").equals("idlg")) {
                throw new IllegalStateException("flaky");
            }
            return Map.of("mse", 0.1);
        };
        run(sweep, flaky, options("r"));
        DummyExecutors.Seeded exec = new DummyExecutors.Seeded();
        RunSummary second = run(sweep, exec, options("r"));
        assertEquals(8, second.skipped());
        assertEquals(8, exec.runs.get());
        ResultTable t = table("r");
        assertEquals(16, t.rows().size());
        assertTrue(statuses(t).stream().allMatch("ok"::equals));
        DummyExecutors.Seeded again = new DummyExecutors.Seeded();
        RunSummary forced = run(sweep, again, options("r").withForce(true));
        assertEquals(0, forced.skipped());
        assertEquals(16, again.runs.get());
        assertEquals(16, table("r").rows().size());
    }

    @Test
    void sameSweepAndSeedGiveTheSameCsvApartFromTiming() throws IOException {
        Sweep sweep = DummyExecutors.tinySweep();
        run(sweep, new DummyExecutors.Seeded(), options("d1").withThreads(1));
        run(sweep, new DummyExecutors.Seeded(), options("d2").withThreads(3));
        assertEquals(stable(table("d1")), stable(table("d2")));
    }

    @Test
    void shardsMergedEqualOneRun() throws IOException {
        Sweep sweep = DummyExecutors.tinySweep();
        run(sweep, new DummyExecutors.Seeded(), options("one"));
        int total = 0;
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            total += run(sweep, new DummyExecutors.Seeded(), options("s" + i).withShard(new Shard(i, 3)))
                    .selected();
            parts.add(results.resolve("s" + i));
        }
        assertEquals(16, total);
        ResultMerger.Summary m = ResultMerger.merge(parts, results.resolve("merged"));
        assertEquals(16, m.rows());
        assertEquals(0, m.duplicates());
        assertEquals(stable(table("one")), stable(table("merged")));
        Map<String, Object> prov = ProvenanceFile.read(results.resolve("merged").resolve(RunLayout.PROVENANCE));
        assertEquals(3, ((List<?>) prov.get("merged_from")).size());
        // Merging a shard with itself keeps one row per pair.
        ResultMerger.Summary dup = ResultMerger.merge(List.of(parts.get(0), parts.get(0)), results.resolve("dup"));
        assertEquals(dup.rows(), dup.duplicates());
    }

    @Test
    void shardsKeepGroupsWhole() {
        List<SweepPoint> all = DummyExecutors.tinySweep().points();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Set<String> groups = new Shard(i, 3)
                    .select(all).stream().map(SweepPoint::groupKey).collect(Collectors.toSet());
            groups.forEach(g -> assertTrue(seen.add(g), "group " + g + " split across shards"));
        }
        assertEquals(8, seen.size());
    }

    @Test
    void mergeCarriesReconstructionGridsAndRocRowsOfEveryShard() throws IOException {
        PointExecutor exec = (p, ctx) -> {
            Path grids = Files.createDirectories(ctx.runFolder().resolve("reconstructions"));
            Files.writeString(grids.resolve(p.pointId() + "-s" + p.seed() + ".png"), "png");
            synchronized (SweepRunnerTest.class) {
                Path roc = ctx.runFolder().resolve("roc.csv");
                if (!Files.exists(roc)) {
                    Files.writeString(roc, "point_id,seed,fpr,tpr\n");
                }
                Files.writeString(
                        roc,
                        p.pointId() + "," + p.seed() + ",0,0\n" + p.pointId() + "," + p.seed() + ",1,1\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            return Map.of("mse", 0.0);
        };
        Sweep sweep = DummyExecutors.tinySweep();
        run(sweep, exec, options("s0").withShard(Shard.parse("0/2")));
        run(sweep, exec, options("s1").withShard(Shard.parse("1/2")));
        run(sweep, exec, options("s1b").withShard(Shard.parse("1/2")));
        Path merged = results.resolve("merged");
        ResultMerger.merge(List.of(results.resolve("s0"), results.resolve("s1"), results.resolve("s1b")), merged);
        int points = sweep.points().size();
        try (var files = Files.list(merged.resolve("reconstructions"))) {
            assertEquals(points, files.count());
        }
        List<String> roc = Files.readAllLines(merged.resolve("roc.csv"));
        assertEquals("point_id,seed,fpr,tpr", roc.get(0));
        assertEquals(2 * points, roc.size() - 1, "two ROC rows per point, none twice from the repeated shard");
    }

    @Test
    void provenanceRecordsMachineSweepAndDataFiles() throws IOException {
        PointExecutor exec = (p, ctx) -> {
            ctx.recordDataFile("train-images.idx", "ab".repeat(32));
            return Map.of("mse", 0.0);
        };
        run(DummyExecutors.tinySweep(), exec, options("p"));
        Map<String, Object> prov = ProvenanceFile.read(results.resolve("p").resolve(RunLayout.PROVENANCE));
        for (String field : ProvenanceFile.REQUIRED) {
            assertTrue(prov.containsKey(field), "missing " + field);
        }
        assertEquals(Map.of("train-images.idx", "ab".repeat(32)), prov.get("data_files"));
        assertEquals("java", prov.get("backend"));
        assertEquals(List.of(1, 2), prov.get("seeds"));
        assertNotEquals(null, prov.get("end"));
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) prov.get("sweep")).get("parameters");
        assertEquals(List.of("mlp", "lenet"), params.get("model"));
        assertEquals(List.of(300), params.get("attack.iterations"));
        assertNull(prov.get("no-such-field"));
        // Built in a checkout, the classes carry the commit they were built from.
        if ("build".equals(prov.get("git_source"))) {
            assertTrue(String.valueOf(prov.get("git_commit")).matches("[0-9a-f]{40}"), "" + prov.get("git_commit"));
            assertTrue(prov.get("git_dirty") instanceof Boolean);
        } else {
            assertEquals("working directory", prov.get("git_source"), "git_source " + prov.get("git_source"));
        }
    }

    /** Rows with machine-dependent cells blanked. */
    static List<List<String>> stable(ResultTable t) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : t.rows()) {
            List<String> copy = new ArrayList<>(row);
            for (String c : ResultColumns.MACHINE_DEPENDENT) {
                copy.set(t.column(c), "");
            }
            out.add(copy);
        }
        return out;
    }
}
