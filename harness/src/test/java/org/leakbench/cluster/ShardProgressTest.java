package org.leakbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepPoint;

class ShardProgressTest {
    @TempDir
    Path dir;

    @Test
    void countsDoneAndFailedPointsAndEstimatesTheRest() throws Exception {
        Sweep sweep = ShardPlannerTest.parse("""
                name: p
                seeds: [1]
                grid:
                  model: [mlp]
                  image: [0, 1, 2, 3, 4]
                  attack: [oracle]
                """);
        List<SweepPoint> points = sweep.points();
        Map<String, SweepPoint> byKey = new HashMap<>();
        points.forEach(p -> byKey.put(CostModel.key(p), p));
        ShardPlan.Entry entry = new ShardPlan.Entry(
                3, "cpu", 5, points.stream().map(CostModel::key).toList());
        // two done in 4 s each on 2 threads, one failed (then retried and failed again), a row of another shard
        StringBuilder csv = new StringBuilder("point_id,seed,time_ms,status\n");
        csv.append(points.get(0).pointId()).append(",1,4000,ok\n");
        csv.append(points.get(1).pointId()).append(",1,4000,diverged\n");
        csv.append(points.get(2).pointId()).append(",1,10,failed: boom\n");
        csv.append(points.get(2).pointId()).append(",1,10,timeout\n");
        csv.append("ffffffff,1,99999,ok\n");
        Files.writeString(dir.resolve("results.csv"), csv);
        Files.writeString(dir.resolve("provenance.json"), "{\"threads\": 2, \"node\": \"n12\"}");
        ShardProgress p = ShardProgress.read(dir, entry, byKey);
        assertEquals(5, p.total());
        assertEquals(2, p.done());
        assertEquals(1, p.failed());
        assertEquals(8010, p.pointMillis()); // latest row per point only
        // 8 s of point time over 2 threads for 2 of 5 equal points: 6 s for the other 3
        assertEquals(6, p.etaSeconds());
        assertEquals("n12", p.node());
        assertTrue(p.unfinished());
        assertFalse(p.complete());
    }

    @Test
    void aShardThatHasNotStartedHasNoEta() throws Exception {
        Sweep sweep = ShardPlannerTest.parse("""
                name: p
                seeds: [1]
                grid:
                  attack: [oracle, random]
                """);
        Map<String, SweepPoint> byKey = new HashMap<>();
        sweep.points().forEach(p -> byKey.put(CostModel.key(p), p));
        ShardPlan.Entry entry = new ShardPlan.Entry(0, "gpu", 2, List.copyOf(byKey.keySet()));
        ShardProgress p = ShardProgress.read(dir.resolve("missing"), entry, byKey);
        assertEquals(0, p.done());
        assertEquals(-1, p.etaSeconds());
        assertEquals("", p.node());
    }
}
