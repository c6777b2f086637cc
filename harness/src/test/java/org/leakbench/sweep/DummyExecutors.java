package org.leakbench.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Test workloads: a deterministic one that uses the seed's generator, and ones that misbehave. */
final class DummyExecutors {
    private DummyExecutors() {}

    /** Metrics drawn from the point's generator, with a shared "model" built once per group. */
    static final class Seeded implements PointExecutor {
        final AtomicInteger builds = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public Map<String, Object> run(SweepPoint point, PointContext ctx) {
            runs.incrementAndGet();
            long model = ctx.shared("model", () -> {
                builds.incrementAndGet();
                return new SplittableRandom(ctx.seed()).nextLong();
            });
            SplittableRandom rng = ctx.random().split();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("psnr", 10 + 20 * rng.nextDouble() + (model % 7));
            m.put("mse", rng.nextDouble());
            m.put("accuracy", 0.5 + 0.5 * rng.nextDouble());
            m.put("attack_ms", 3);
            m.put("params", 1234);
            return m;
        }
    }

    /** A sweep over two models, two batch sizes, two attacks and two seeds (16 rows, 8 groups). */
    static Sweep tinySweep() {
        return new SweepParser(ParameterRegistry.defaults()).parse("""
                name: tiny
                seeds: [1, 2]
                timeout: 20s
                grid:
                  model: [mlp, lenet]
                  batch: [1, 4]
                  attack: [dlg, idlg]
                """, "tiny.yaml");
    }
}
