package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.leakbench.model.HeldOutScore;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;
import org.leakbench.sweep.SweepPoint;

class UtilityCacheTest {
    private final Sweep sweep = new SweepParser(ParameterRegistry.defaults()).parse("""
            seeds: [1, 2]
            grid:
              batch: [1, 4]
              attack: [dlg, idlg]
              defenses: [none, {name: noise, param: [0.01]}]
            """, "u.yaml");

    private SweepPoint point(int batch, String attack, String defense, long seed) {
        return sweep.points().stream()
                .filter(p -> p.intValue("batch") == batch
                        && p.string("attack").equals(attack)
                        && p.string("defense").equals(defense)
                        && p.seed() == seed)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theTransformersHeadCountChangesTheKey() {
        List<SweepPoint> points = new SweepParser(ParameterRegistry.defaults())
                .parse("""
                        grid:
                          model: [transformer]
                          model.heads: [2, 4]
                        """, "heads.yaml")
                .points();
        assertEquals(2, points.size());
        assertNotEquals(UtilityCache.key(points.get(0)), UtilityCache.key(points.get(1)));
    }

    /** GroupNorm and BatchNorm ResNets, or two text windows, are different trainings (they once shared one). */
    @Test
    void everyModelAndDataParameterChangesTheKey() {
        List<SweepPoint> points = new SweepParser(ParameterRegistry.defaults())
                .parse("""
                        grids:
                          - model: [resnet20]
                            model.norm: [batch, group]
                            model.shortcut: [projection, padding]
                          - dataset: [text-char]
                            model: [transformer]
                            text.context: [8, 16]
                            text.stride: [0, 32]
                        """, "norm.yaml")
                .points();
        assertEquals(8, points.size());
        assertEquals(8, points.stream().map(UtilityCache::key).distinct().count());
    }

    @Test
    void theVictimsBatchAndTheAttackDoNotChangeTheKeyButDefenseAndSeedDo() {
        String base = UtilityCache.key(point(1, "dlg", "none", 1));
        assertEquals(base, UtilityCache.key(point(4, "idlg", "none", 1)));
        assertNotEquals(base, UtilityCache.key(point(1, "dlg", "noise", 1)));
        assertNotEquals(base, UtilityCache.key(point(1, "dlg", "none", 2)));
    }

    /** The accountant only changes the reported ε, so DP points that differ in it share one training. */
    @Test
    void theAccountantDoesNotChangeTheKeyButTheNoiseDoes() {
        List<SweepPoint> points = new SweepParser(ParameterRegistry.defaults())
                .parse("""
                        grid:
                          dp.accountant: [rdp, prv, pld, gdp]
                          defenses: [{name: dp-sgd, param: [0.5, 2.0], clip: [1.0]}]
                        """, "acct.yaml")
                .points();
        assertEquals(8, points.size());
        assertEquals(
                4,
                points.stream()
                        .map(SweepPoint::params)
                        .map(m -> m.get("dp.accountant"))
                        .distinct()
                        .count());
        assertEquals(2, points.stream().map(UtilityCache::key).distinct().count());
    }

    @Test
    void concurrentRequestsTrainOnce() throws Exception {
        UtilityCache cache = new UtilityCache();
        AtomicInteger builds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HeldOutScore>> f = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SweepPoint p = point(i % 2 == 0 ? 1 : 4, i % 3 == 0 ? "dlg" : "idlg", "none", 1);
                f.add(pool.submit(() -> cache.score(p, () -> {
                    builds.incrementAndGet();
                    sleep();
                    return new HeldOutScore(0.75, 0.6);
                })));
            }
            for (Future<HeldOutScore> x : f) {
                assertEquals(new HeldOutScore(0.75, 0.6), x.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
    }

    @Test
    void aFailedTrainingIsTriedAgainByTheNextPoint() {
        UtilityCache cache = new UtilityCache();
        SweepPoint p = point(1, "dlg", "none", 1);
        assertThrows(
                IllegalStateException.class,
                () -> cache.score(p, () -> {
                    throw new IllegalStateException("diverged");
                }));
        assertEquals(new HeldOutScore(0.5, 1.5), cache.score(p, () -> new HeldOutScore(0.5, 1.5)));
    }

    @Test
    void aPointSharingATrainingGetsItsLossAsWellAsItsAccuracy() {
        UtilityCache cache = new UtilityCache();
        cache.score(point(1, "dlg", "none", 1), () -> new HeldOutScore(0.75, 0.6));
        HeldOutScore shared = cache.score(point(4, "idlg", "none", 1), () -> {
            throw new AssertionError("the shared training ran again");
        });
        assertEquals(0.6, shared.meanLoss());
        assertEquals(0.75, shared.accuracy());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
