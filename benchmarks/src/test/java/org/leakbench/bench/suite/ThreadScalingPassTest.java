package org.leakbench.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.bench.GemmBench;

/** The thread-scaling pass: when it runs, what it measures, and where it writes. */
class ThreadScalingPassTest {
    @Test
    void runsOnlyAboveOneThreadAndAfterAOneThreadMainRun() {
        assertTrue(ThreadScaling.skipReason(2, ThreadCounts.SINGLE).isEmpty());
        assertTrue(
                ThreadScaling.skipReason(1, ThreadCounts.SINGLE).orElseThrow().contains("one thread only"));
        assertTrue(ThreadScaling.skipReason(2, new ThreadCounts(1, 2, 1))
                .orElseThrow()
                .contains("no baseline"));
        assertThrows(IllegalArgumentException.class, () -> ThreadScaling.skipReason(0, ThreadCounts.SINGLE));
        assertEquals(new ThreadCounts(1, 4, 4), ThreadScaling.counts(4));
    }

    @Test
    void forksGetThePassesThreadCountsAndEveryOtherOption() {
        SuiteSettings quick = SuiteSettings.of("quick");
        BenchSuite pass = new BenchSuite(
                ThreadScaling.settings(quick),
                null,
                ThreadScaling.counts(2),
                new PrintStream(new ByteArrayOutputStream()));
        java.util.Collection<String> args = pass.build(1, 1).getJvmArgsAppend().get();
        assertTrue(args.contains("-Dleakbench.java.threads=2"), args.toString());
        assertTrue(args.contains("-Dleakbench.nd4j.threads=2"), args.toString());
        assertTrue(args.contains("-Xmx2g"), args.toString());
        assertTrue(args.contains("--enable-native-access=ALL-UNNAMED"), args.toString());
    }

    @Test
    void measuresBatch32AndTheLargeProductWithTheMainRunsLengths() {
        SuiteSettings quick = SuiteSettings.of("quick");
        SuiteSettings s = ThreadScaling.settings(quick);
        assertEquals("quick-threads", s.name());
        assertEquals(quick.forks(), s.forks());
        assertEquals(quick.iterations(), s.iterations());
        assertEquals(List.of("32"), s.overridesFor("GradientBench").get("batch"));
        assertEquals(List.of("1024"), s.overridesFor("GemmBench").get("size"));
        assertEquals(
                List.of("8", "32"),
                ThreadScaling.settings(SuiteSettings.of("paper"))
                        .overridesFor("InversionStepBench")
                        .get("batch"));
        // every row the pass measures is also in the main run, so each has its one-thread partner
        for (String cls : List.of("GradientBench", "InversionStepBench", "GemmBench")) {
            s.overridesFor(cls).forEach((k, v) -> {
                List<String> main = quick.overridesFor(cls).get(k);
                assertTrue(main == null || main.containsAll(v), cls + " " + k + " " + v + " not in quick's " + main);
            });
        }
    }

    @Test
    void writesIntoItsOwnFolderWithItsThreadCountsAndAnEarlierPassIsRemoved(@TempDir Path run) throws Exception {
        Path stale = Files.createDirectories(ThreadScaling.folder(run, 8));
        Files.writeString(stale.resolve("jmh.json"), "[]");
        Path keep = Files.createDirectories(run.resolve("jmh").resolve("notes"));
        ThreadScaling.removeEarlierPasses(run);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(keep), "only threads-N folders go");

        SuiteSettings tiny = new SuiteSettings(
                "test", 0, 1, 5, 1, 5, Map.of("GemmBench", Map.of("backend", List.of("java"), "size", List.of("32"))));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchSuite pass = new BenchSuite(
                tiny, null, ThreadScaling.counts(2), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Path dir = ThreadScaling.folder(run, 2);
        BenchSuite.Outcome out = pass.runInto(dir, List.of(GemmBench.class));
        assertEquals(1, out.results().size());
        assertEquals(dir.resolve("jmh.json"), out.json());
        String settings = Files.readString(dir.resolve("settings.properties"));
        assertTrue(settings.contains("leakbench.java.threads=2"), settings);
        String csv = Files.readString(dir.resolve("jmh.csv"));
        assertTrue(csv.lines().skip(1).allMatch(l -> l.contains(",1,2,2,")), csv); // jmh, nd4j, java threads
        assertFalse(Files.exists(run.resolve("jmh").resolve("jmh.json")), "the main run's files are untouched");
    }
}
