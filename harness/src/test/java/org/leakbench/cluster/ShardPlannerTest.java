package org.leakbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Presets;
import org.leakbench.sweep.Shard;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.sweep.SweepRunner;

class ShardPlannerTest {
    @TempDir
    Path dir;

    static Sweep parse(String text) {
        return new SweepParser(ParameterRegistry.defaults()).parse(text, "test.yaml");
    }

    /** Batch 1, 8 and 64 groups: the batch-64 DLG groups are far costlier than the rest. */
    static final String SKEWED = """
            name: skewed
            seeds: [1, 2, 3]
            grid:
              model: [mlp]
              batch: [1, 8, 64]
              image: [0, 1, 2, 3]
              attacks: [oracle, {name: dlg, iterations: [300]}]
              defenses: [none, {name: noise, param: [1e-4, 1e-2]}, {name: prune, param: [0.3, 0.9]}]
            """;

    @Test
    void paperPresetIn16ShardsIsWithin13xOfTheMean() {
        Sweep paper = Presets.load("paper", ParameterRegistry.defaults());
        ShardPlan plan = ShardPlanner.plan(paper, 16, false, CostModel.estimate());
        assertEquals(16, plan.shards().size());
        assertTrue(plan.balance(null) <= 1.3, "slowest / mean = " + plan.balance(null));
        assertEveryPointOnce(paper, plan);
    }

    @Test
    void costBalancedPlanBeatsTheModuloRuleOnASkewedSweep() {
        // four cheap groups, then four costly ones: the modulo rule gives shard 1 two costly groups of four
        Sweep sweep = parse("""
                name: skewed2
                seeds: [1]
                grid:
                  model: [mlp]
                  batch: [1, 64]
                  image: [0, 1, 2, 3]
                  attacks: [oracle, {name: dlg, iterations: [300]}]
                  defenses: [none, {name: noise, param: [1e-4, 1e-2]}, {name: prune, param: [0.3, 0.9]}]
                """);
        CostModel costs = CostModel.estimate();
        ShardPlan plan = ShardPlanner.plan(sweep, 3, false, costs);
        assertTrue(plan.balance(null) <= 1.3, "balanced plan: " + plan.balance(null));
        double[] modulo = new double[3];
        for (int i = 0; i < 3; i++) {
            for (SweepPoint p : new Shard(i, 3).select(sweep.points())) {
                modulo[i] += costs.cost(p);
            }
        }
        double max = java.util.Arrays.stream(modulo).max().orElseThrow();
        double mean = java.util.Arrays.stream(modulo).average().orElseThrow();
        assertTrue(max / mean > 1.3, "the modulo rule should be unbalanced here: " + max / mean);
        assertEveryPointOnce(sweep, plan);
    }

    @Test
    void samePlanEveryTimeAndThroughTheFile() throws Exception {
        Sweep sweep = parse(SKEWED);
        ShardPlan a = ShardPlanner.plan(sweep, 5, false, CostModel.estimate());
        ShardPlan b = ShardPlanner.plan(sweep, 5, false, CostModel.estimate());
        assertEquals(a, b);
        Path file = dir.resolve(ShardPlan.FILE);
        a.write(file);
        assertEquals(a, ShardPlan.read(file));
    }

    @Test
    void smallGroupsStayWholeOnOneShard() {
        Sweep sweep = parse("""
                name: even
                seeds: [1, 2, 3, 4]
                grid:
                  model: [mlp]
                  image: [0, 1]
                  attack: [oracle, random]
                """);
        ShardPlan plan = ShardPlanner.plan(sweep, 2, false, CostModel.estimate());
        for (ShardPlan.Entry e : plan.shards()) {
            Set<String> groups = new HashSet<>();
            for (SweepPoint p : plan.shard(e.index()).select(sweep.points())) {
                groups.add(p.groupKey());
            }
            assertEquals(e.points().size() / 2, groups.size(), "each group's two points on one shard");
        }
        assertEquals(1.0, plan.balance(null), 1e-9);
    }

    @Test
    void timingsFromAnEarlierRunDriveThePlan() throws Exception {
        Sweep sweep = parse("""
                name: timed
                seeds: [1]
                grid:
                  model: [mlp]
                  image: [0, 1, 2, 3, 4, 5, 6, 7]
                  attack: [oracle]
                """);
        // The estimate sees eight equal points; the earlier run says image 0 took as long as the other seven.
        StringBuilder csv = new StringBuilder("point_id,seed,time_ms,status\n");
        for (SweepPoint p : sweep.points()) {
            csv.append(p.pointId())
                    .append(',')
                    .append(p.seed())
                    .append(',')
                    .append(p.intValue("image") == 0 ? 7000 : 1000)
                    .append(",ok\n");
        }
        Files.writeString(dir.resolve("results.csv"), csv);
        CostModel timed = CostModel.fromTimings(dir, sweep.points());
        ShardPlan plan = ShardPlanner.plan(sweep, 2, false, timed);
        assertEquals(1.0, plan.balance(null), 1e-9);
        assertEquals(7000.0, plan.shards().get(0).cost(), 1e-9);
        assertTrue(plan.costSource().startsWith("timings: "));
        ShardPlan estimated = ShardPlanner.plan(sweep, 2, false, CostModel.estimate());
        assertEquals(4, estimated.shards().get(0).points().size());
    }

    @Test
    void timingsThatMatchNoPointAreAnError() throws Exception {
        Sweep sweep = parse(SKEWED);
        Files.writeString(dir.resolve("results.csv"), "point_id,seed,time_ms,status\nabc,1,10,ok\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CostModel.fromTimings(dir, sweep.points()));
        assertTrue(e.getMessage().contains("times none of the sweep's"), e.getMessage());
    }

    @Test
    void gpuShardsTakeTheNd4jPoints() {
        Sweep nd4j = parse(SKEWED.replace("seeds:", "backend: nd4j\nseeds:"));
        ShardPlan plan = ShardPlanner.plan(nd4j, 3, true, CostModel.estimate());
        assertEquals(List.of(0, 1, 2), plan.indicesOn("gpu"));
        assertEveryPointOnce(nd4j, plan);
        ShardPlan cpuOnly = ShardPlanner.plan(nd4j, 3, false, CostModel.estimate());
        assertEquals(3, cpuOnly.indicesOn("cpu").size());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ShardPlanner.plan(parse(SKEWED), 3, true, CostModel.estimate()));
        assertTrue(e.getMessage().contains("no point of sweep skewed runs on the nd4j backend"), e.getMessage());
    }

    @Test
    void aMixedSweepSendsItsNd4jPointsToGpuShardsAndTheRestToCpuShards() {
        Sweep mixed = parse(SKEWED.replace("  model: [mlp]", "  model: [mlp]\n  backend: [ejml, nd4j]"));
        ShardPlan plan = ShardPlanner.plan(mixed, 4, true, CostModel.estimate());
        assertFalse(plan.indicesOn("gpu").isEmpty(), "GPU shards");
        assertFalse(plan.indicesOn("cpu").isEmpty(), "CPU shards");
        for (ShardPlan.Entry e : plan.shards()) {
            for (var p : plan.shard(e.index()).select(mixed.points())) {
                assertEquals(
                        e.device().equals("gpu") ? "nd4j" : "java",
                        SweepRunner.backendOf(mixed, p),
                        p.pointId() + " on a " + e.device() + " shard");
            }
        }
        assertEveryPointOnce(mixed, plan);
    }

    @Test
    void moreShardsThanPointsIsAnError() {
        Sweep sweep = parse("""
                name: two
                seeds: [1]
                grid:
                  attack: [oracle, random]
                """);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ShardPlanner.plan(sweep, 3, false, CostModel.estimate()));
        assertTrue(e.getMessage().contains("more than the 2 points"), e.getMessage());
    }

    static void assertEveryPointOnce(Sweep sweep, ShardPlan plan) {
        List<String> seen = new ArrayList<>();
        for (ShardPlan.Entry e : plan.shards()) {
            assertTrue(!e.points().isEmpty(), "shard " + e.index() + " is empty");
            plan.shard(e.index()).select(sweep.points()).forEach(p -> seen.add(CostModel.key(p)));
        }
        assertEquals(sweep.points().size(), seen.size(), "points over all shards");
        assertEquals(sweep.points().size(), new HashSet<>(seen).size(), "a point on two shards");
    }
}
