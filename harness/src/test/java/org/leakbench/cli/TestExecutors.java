package org.leakbench.cli;

import java.util.Map;
import java.util.SplittableRandom;
import org.leakbench.sweep.PointExecutor;
import org.leakbench.sweep.PointExecutorFactory;
import org.leakbench.sweep.Sweep;

/** Executor factories registered for tests in META-INF/services (test resources). */
public final class TestExecutors {
    private TestExecutors() {}

    /** A factory known by a fixed name. */
    private abstract static class Named implements PointExecutorFactory {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public final String name() {
            return name;
        }
    }

    /** "dummy": metrics drawn from the seed's generator; psnr above 20 for attack idlg. */
    public static final class Dummy extends Named {
        public Dummy() {
            super("dummy");
        }

        @Override
        public PointExecutor create(Sweep sweep) {
            return (point, ctx) -> {
                SplittableRandom rng = ctx.random();
                double psnr = point.string("attack").equals("idlg") ? 25 + rng.nextDouble() : 10 + rng.nextDouble();
                return Map.of("psnr", psnr, "accuracy", 0.9, "mia_auc", 0.5);
            };
        }
    }

    /** "broken-setup": refuses every sweep, as a real executor does for an unsupported combination. */
    public static final class BrokenSetup extends Named {
        public BrokenSetup() {
            super("broken-setup");
        }

        @Override
        public PointExecutor create(Sweep sweep) {
            throw new IllegalArgumentException("model 'lenet' cannot run on dataset 'breast-cancer'");
        }
    }

    /** "slow": like dummy, but each point takes 150 ms (for kill-and-resume tests). */
    public static final class Slow extends Named {
        public Slow() {
            super("slow");
        }

        @Override
        public PointExecutor create(Sweep sweep) {
            PointExecutor fast = new Dummy().create(sweep);
            return (point, ctx) -> {
                Thread.sleep(150);
                return fast.run(point, ctx);
            };
        }
    }
}
