package org.leakbench.attack.audit;

import java.util.SplittableRandom;

/**
 * Runs a {@link CanaryMechanism} as an audit asks and turns its scores into ε̂ next to the accountant's ε.
 * <ul>
 *   <li>many-run: {@code runs} runs of {@code canaries} canaries each. Independent canaries are each in with
 *       probability 1/2 (exactly half of each run, shuffled) and every canary is a trial; canaries that meet in
 *       the model ({@link CanaryMechanism#independentCanaries()} false) must be one per run, in every other run.</li>
 *   <li>one-run: one run, each of the {@code canaries} in independently with probability 1/2, as the one-run
 *       theorem requires; {@code runs} is not used.</li>
 * </ul>
 */
public final class CanaryAudit {
    private CanaryAudit() {}

    public static AuditOutcome run(
            CanaryMechanism mechanism,
            AuditMethod method,
            int runs,
            int canaries,
            double confidence,
            double delta,
            SplittableRandom rng) {
        AuditChecks.confidence(confidence);
        AuditChecks.delta(delta);
        if (canaries < 1) {
            throw new IllegalArgumentException("audit: canaries must be >= 1, got " + canaries);
        }
        EpsilonLowerBound bound = switch (method) {
            case MANY_RUN -> manyRun(mechanism, runs, canaries, confidence, delta, rng);
            case ONE_RUN -> oneRun(mechanism, canaries, confidence, delta, rng);
        };
        return new AuditOutcome(bound, mechanism.accountantEpsilon(delta), mechanism.describe(), method);
    }

    private static EpsilonLowerBound manyRun(
            CanaryMechanism mechanism, int runs, int canaries, double confidence, double delta, SplittableRandom rng) {
        if (!mechanism.independentCanaries() && canaries != 1) {
            throw new IllegalArgumentException(
                    "audit: " + canaries + " canaries per run, but this mechanism's canaries "
                            + "meet in the model and are not independent trials; a many-run audit of it takes 1 canary per run");
        }
        int trials = runs * canaries;
        if (runs < 1 || trials < 8) {
            throw new IllegalArgumentException("audit: a many-run audit needs at least 8 trials (runs x canaries), got "
                    + runs + " x " + canaries);
        }
        double[] in = new double[trials];
        double[] out = new double[trials];
        int nin = 0;
        int nout = 0;
        for (int r = 0; r < runs; r++) {
            boolean[] included = new boolean[canaries];
            if (canaries == 1) {
                included[0] = r % 2 == 0;
            } else {
                for (int i = 0; i < canaries / 2; i++) {
                    included[i] = true;
                }
                shuffle(included, rng);
            }
            double[] s = mechanism.run(included, rng.split());
            for (int i = 0; i < canaries; i++) {
                if (included[i]) {
                    in[nin++] = s[i];
                } else {
                    out[nout++] = s[i];
                }
            }
        }
        return ManyRunAudit.estimate(
                java.util.Arrays.copyOf(in, nin), java.util.Arrays.copyOf(out, nout), confidence, delta);
    }

    private static EpsilonLowerBound oneRun(
            CanaryMechanism mechanism, int canaries, double confidence, double delta, SplittableRandom rng) {
        boolean[] included = new boolean[canaries];
        for (int i = 0; i < canaries; i++) {
            included[i] = rng.nextBoolean();
        }
        return OneRunAudit.estimate(mechanism.run(included, rng.split()), included, confidence, delta);
    }

    private static void shuffle(boolean[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            boolean t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
