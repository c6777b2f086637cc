package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.RunSummary;

/**
 * A sweep whose points attack several victims: each row aggregates its victims, victims.csv holds them one by
 * one, the same seed attacks the same victims under every defense, and a resumed run redoes nothing.
 */
class VictimSweepTest {
    static final String SWEEP = TinySweeps.header("victims", "1, 2")
            + TinySweeps.mlpGrid("fashion-mnist-subset", """
                    batch: [1]
                    victims: [5]
                    fl.clients: [3]
                    fl.rounds: [2]
                    attacks: [oracle, analytic]
                    defenses: [none, {name: noise, param: [0.01]}]
                    """)
            + TinySweeps.fashionGrid("""
                    fl.clients: [3]
                    fl.rounds: [2]
                    attack: [analytic]
                    defense: [none]
                    """);

    @TempDir
    static Path results;

    static ResultTable table;
    static ResultTable victims;

    @BeforeAll
    static void run() throws IOException {
        sweep("a");
        table = TinySweeps.read(results, "a", RunLayout.RESULTS);
        victims = TinySweeps.read(results, "a", RunLayout.VICTIMS);
    }

    static RunSummary sweep(String runId) throws IOException {
        return TinySweeps.run(TinySweeps.parse(SWEEP, "victims.yaml"), results, runId, 2);
    }

    static Map<String, String> row(String attack, String defense, String victimCount, String seed) {
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            if (m.get("attack").equals(attack)
                    && m.get("defense").equals(defense)
                    && m.get("victims").equals(victimCount)
                    && m.get("seed").equals(seed)) {
                return m;
            }
        }
        throw new AssertionError("no row for " + attack + " / " + defense);
    }

    static List<Map<String, String>> victimsOf(Map<String, String> row) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : victims.rows()) {
            Map<String, String> m = victims.asMap(r);
            if (m.get("point_id").equals(row.get("point_id")) && m.get("seed").equals(row.get("seed"))) {
                out.add(m);
            }
        }
        return out;
    }

    static double d(Map<String, String> m, String key) {
        return Double.parseDouble(m.get(key));
    }

    @Test
    void aRowAggregatesItsVictims() {
        Map<String, String> noisy = row("analytic", "noise", "5", "1");
        assertEquals("ok", noisy.get("status"));
        assertEquals(5.0, d(noisy, "n_victims"));
        List<Map<String, String>> vs = victimsOf(noisy);
        assertEquals(5, vs.size());
        double[] psnr = vs.stream().mapToDouble(v -> d(v, "psnr")).toArray();
        assertEquals(java.util.Arrays.stream(psnr).average().orElseThrow(), d(noisy, "psnr"), 1e-9);
        assertTrue(
                d(noisy, "psnr_ci_low") <= d(noisy, "psnr") && d(noisy, "psnr") <= d(noisy, "psnr_ci_high"),
                noisy.toString());
        assertTrue(d(noisy, "psnr_ci_high") > d(noisy, "psnr_ci_low"), "victims differ, so the interval has width");
        long above = java.util.Arrays.stream(psnr).filter(x -> x >= 20).count();
        assertEquals(above / 5.0, d(noisy, "psnr_success"), 1e-12);
    }

    @Test
    void theAttackSucceedsOnEveryVictimWithoutADefense() {
        Map<String, String> clean = row("analytic", "none", "5", "2");
        assertEquals(1.0, d(clean, "psnr_success"), 0, clean.toString());
        assertEquals(100.0, d(row("oracle", "noise", "5", "1"), "psnr_median"), 1e-9);
    }

    @Test
    void aSeedAttacksTheSameVictimsUnderEveryDefenseAndAnotherSeedOthers() {
        List<String> none = victimsOf(row("analytic", "none", "5", "1")).stream()
                .map(v -> v.get("indices"))
                .toList();
        List<String> noise = victimsOf(row("analytic", "noise", "5", "1")).stream()
                .map(v -> v.get("indices"))
                .toList();
        List<String> seed2 = victimsOf(row("analytic", "none", "5", "2")).stream()
                .map(v -> v.get("indices"))
                .toList();
        assertEquals(none, noise);
        assertEquals(5, new HashSet<>(none).size(), "five different victims");
        assertTrue(!none.equals(seed2), none + " vs " + seed2);
    }

    @Test
    void anExplicitImageIsOneVictim() {
        Map<String, String> single = row("analytic", "none", "1", "1");
        assertEquals(1.0, d(single, "n_victims"));
        assertEquals("", single.get("psnr_ci_low"), "one victim has no interval");
        List<Map<String, String>> vs = victimsOf(single);
        assertEquals(1, vs.size());
        assertEquals("7", vs.get(0).get("indices"));
    }

    @Test
    void theSameSeedsGiveTheSameVictimsWhateverTheThreadTiming() throws IOException {
        sweep("b");
        ResultTable again = TinySweeps.read(results, "b", RunLayout.VICTIMS);
        assertEquals(withoutTimes(victims), withoutTimes(again));
    }

    /** Rows without attack_ms (machine timing), sorted: points finish in thread order. */
    static List<String> withoutTimes(ResultTable t) {
        int time = t.column("attack_ms");
        List<String> out = new ArrayList<>();
        for (List<String> r : t.rows()) {
            List<String> copy = new ArrayList<>(r);
            copy.remove(time);
            out.add(String.join(",", copy));
        }
        out.sort(null);
        return out;
    }

    @Test
    void mergingRunsKeepsEachPointsVictimsOnce() throws IOException {
        Path out = results.resolve("merged");
        org.leakbench.sweep.ResultMerger.merge(List.of(results.resolve("a"), results.resolve("a")), out);
        ResultTable merged = ResultTable.read(out.resolve(RunLayout.VICTIMS));
        assertEquals(victims.header(), merged.header());
        assertEquals(victims.rows().size(), merged.rows().size(), "the second copy of each point is dropped");
    }

    @Test
    void aResumedRunRedoesNoVictim() throws IOException {
        Path file = results.resolve("a").resolve(RunLayout.VICTIMS);
        String before = Files.readString(file);
        RunSummary again = sweep("a");
        assertEquals(again.selected(), again.skipped(), "every point was already done");
        assertEquals(before, Files.readString(file));
        Set<String> keys = new HashSet<>();
        for (List<String> r : victims.rows()) {
            Map<String, String> m = victims.asMap(r);
            assertTrue(keys.add(m.get("point_id") + "|" + m.get("seed") + "|" + m.get("victim")), "duplicate " + m);
        }
        assertEquals(2 * 4 * 5 + 2, keys.size());
    }
}
