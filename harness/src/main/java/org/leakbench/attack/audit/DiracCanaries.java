package org.leakbench.attack.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.ClientLevelDp;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.GaussianMechanism;
import org.leakbench.defense.dp.NoiseSource;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.defense.dp.RdpAccountant;

/**
 * White-box gradient-space canaries for the sampled Gaussian mechanisms (Nasr et al. 2021, 2023): each canary's
 * gradient (DP-SGD, {@link GaussianMechanism}) or update (central client-level DP, {@link ClientLevelDp}) is a Dirac
 * vector, {@code scale}·C on a coordinate of its own, and the auditor sees every noisy release, as a server that
 * logs each step's noisy gradient does. Each step Poisson-samples a few ordinary examples (random gradients of norm
 * 2C on the other coordinates) and each present canary at rate q, and the production code clips, sums, noises and
 * divides. The score is the log-likelihood ratio of the canary's coordinate over the steps,
 * Σ_t log(1 − q + q·exp((C·y_t − C²/2) / (σC)²)) with y_t the released sum, the most powerful test of one step of
 * the sampled Gaussian mechanism (Neyman–Pearson).
 *
 * <p>No other example touches a canary's coordinate, so each canary's score depends only on its own presence: each
 * canary gets an instance of the mechanism of its own (the same distribution as one shared run, at a cost linear
 * in the canaries rather than quadratic).
 */
public final class DiracCanaries implements CanaryMechanism {
    /** The production mechanisms that can be audited with Dirac canaries. */
    public enum Target {
        /** Example-level DP-SGD: {@link GaussianMechanism}, accounted with {@link RdpAccountant}. */
        DP_SGD,
        /** User-level DP-FedAvg: {@link ClientLevelDp}, accounted with {@link ClientLevelDp#epsilon}. */
        CLIENT_DP
    }

    /** One noisy release: clip each row, sum, add noise, divide (tests put deliberately broken versions here). */
    @FunctionalInterface
    interface Release {
        float[] apply(float[][] rows, double denominator, NoiseSource noise);
    }

    private static final int OTHERS = 8;
    private static final int OTHER_DIMS = 3;

    private final Target target;
    private final AuditSetting claimed;
    private final Release release;
    private final double actualRate;
    private final double scale;

    /** Canaries of norm {@code scale}·C against the production {@code target} run as {@code setting} says. */
    public DiracCanaries(Target target, AuditSetting setting, double scale) {
        this(target, setting, production(target, setting), setting.sampleRate(), scale);
    }

    /** A mechanism that releases with {@code release} and samples at {@code actualRate} but claims {@code claimed}. */
    DiracCanaries(Target target, AuditSetting claimed, Release release, double actualRate, double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("audit: the canary's norm in units of C must be > 0, got " + scale);
        }
        this.target = target;
        this.claimed = claimed;
        this.release = release;
        this.actualRate = actualRate;
        this.scale = scale;
    }

    private static Release production(Target target, AuditSetting s) {
        return switch (target) {
            case DP_SGD ->
                (rows, den, noise) -> new GaussianMechanism(new DpSgdOptions(s.clipNorm(), s.noiseMultiplier()), noise)
                        .aggregate(rows, den);
            case CLIENT_DP ->
                (rows, den, noise) -> new ClientLevelDp(new ClientDpOptions(s.clipNorm(), s.noiseMultiplier()), noise)
                        .aggregate(rows, den);
        };
    }

    @Override
    public double[] run(boolean[] included, SplittableRandom rng) {
        double[] scores = new double[included.length];
        for (int i = 0; i < included.length; i++) {
            scores[i] = runOne(included[i], rng.split());
        }
        return scores;
    }

    private double runOne(boolean in, SplittableRandom rng) {
        double c = claimed.clipNorm();
        double q = claimed.sampleRate();
        double s2 = Math.pow(claimed.noiseMultiplier() * c, 2);
        float[][] others = otherGradients(rng, c);
        float[] canary = new float[1 + OTHER_DIMS];
        canary[0] = (float) (scale * c);
        double denominator = Math.max(1.0, actualRate * OTHERS);
        NoiseSource noise = NoiseSources.gaussian(NoiseSources.FAST, rng);
        double logStay = Math.log1p(-q); // -∞ at q = 1, where the branch below skips it
        double score = 0;
        List<float[]> batch = new ArrayList<>();
        for (int t = 0; t < claimed.steps(); t++) {
            batch.clear();
            for (float[] o : others) {
                if (rng.nextDouble() < actualRate) {
                    batch.add(o);
                }
            }
            if (in && rng.nextDouble() < actualRate) {
                batch.add(canary);
            }
            if (batch.isEmpty()) {
                batch.add(new float[1 + OTHER_DIMS]); // a zero row: the noise alone, as the empty batch releases
            }
            float[] out = release.apply(batch.toArray(float[][]::new), denominator, noise);
            double y = out[0] * denominator;
            double z = (c * y - c * c / 2) / s2;
            score += q >= 1 ? z : logAdd(logStay, Math.log(q) + z);
        }
        return score;
    }

    private static float[][] otherGradients(SplittableRandom rng, double c) {
        float[][] rows = new float[OTHERS][1 + OTHER_DIMS];
        for (float[] row : rows) {
            double norm = 0;
            for (int j = 1; j < row.length; j++) {
                row[j] = (float) (rng.nextDouble() * 2 - 1);
                norm += row[j] * row[j];
            }
            double f = 2 * c / Math.max(Math.sqrt(norm), 1e-12);
            for (int j = 1; j < row.length; j++) {
                row[j] = (float) (row[j] * f);
            }
        }
        return rows;
    }

    private static double logAdd(double a, double b) {
        double hi = Math.max(a, b);
        return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
    }

    @Override
    public boolean independentCanaries() {
        return true;
    }

    @Override
    public double accountantEpsilon(double delta) {
        return switch (target) {
            case DP_SGD ->
                RdpAccountant.epsilon(
                        claimed.noiseMultiplier(), claimed.sampleRate(), claimed.steps(), delta, Conversion.IMPROVED);
            case CLIENT_DP ->
                ClientLevelDp.epsilon(claimed.noiseMultiplier(), claimed.sampleRate(), claimed.steps(), delta);
        };
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s, Dirac gradient canaries of norm %gC, white-box (%s)",
                target == Target.DP_SGD ? "DP-SGD" : "client-level DP",
                scale,
                claimed);
    }
}
