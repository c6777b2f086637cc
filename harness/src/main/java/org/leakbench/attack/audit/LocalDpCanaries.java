package org.leakbench.attack.audit;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.LocalDp;
import org.leakbench.defense.dp.NoiseSource;
import org.leakbench.defense.dp.NoiseSources;

/**
 * White-box canaries for local DP ({@link LocalDp}): a canary client whose update is the Dirac vector
 * +{@code scale}·C·e₁ when "in" and −{@code scale}·C·e₁ when "out" (two data sets of the same client, the
 * replacement neighbours LocalDp accounts with sensitivity 2C), privatised by the production code in every round it
 * takes part in; the observer sees each privatised update. With no sampling the most powerful test is the sum of
 * the released first coordinates. Each canary is a client of its own, so canaries are independent trials.
 * {@link AuditSetting#sampleRate()} plays no part (local DP is not amplified by sampling) and must be 1.
 */
public final class LocalDpCanaries implements CanaryMechanism {
    private static final int DIMS = 4;

    private final AuditSetting claimed;
    private final BiFunction<float[], NoiseSource, float[]> privatize;
    private final double scale;

    /** Canaries of norm {@code scale}·C against the production {@link LocalDp} run as {@code setting} says. */
    public LocalDpCanaries(AuditSetting setting, double scale) {
        this(
                setting,
                (u, noise) -> new LocalDp(new ClientDpOptions(setting.clipNorm(), setting.noiseMultiplier()), noise)
                        .privatize(u),
                scale);
    }

    /** A mechanism that privatises with {@code privatize} but claims {@code claimed} (tests break it on purpose). */
    LocalDpCanaries(AuditSetting claimed, BiFunction<float[], NoiseSource, float[]> privatize, double scale) {
        if (claimed.sampleRate() != 1) {
            throw new IllegalArgumentException(
                    "audit: local DP is not amplified by sampling; its rate must be 1, got " + claimed.sampleRate());
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("audit: the canary's norm in units of C must be > 0, got " + scale);
        }
        this.claimed = claimed;
        this.privatize = privatize;
        this.scale = scale;
    }

    @Override
    public double[] run(boolean[] included, SplittableRandom rng) {
        double[] scores = new double[included.length];
        for (int i = 0; i < included.length; i++) {
            SplittableRandom own = rng.split();
            NoiseSource noise = NoiseSources.gaussian(NoiseSources.FAST, own);
            float[] update = new float[DIMS];
            update[0] = (float) ((included[i] ? 1 : -1) * scale * claimed.clipNorm());
            double sum = 0;
            for (int t = 0; t < claimed.steps(); t++) {
                sum += privatize.apply(update, noise)[0];
            }
            scores[i] = sum;
        }
        return scores;
    }

    @Override
    public boolean independentCanaries() {
        return true;
    }

    @Override
    public double accountantEpsilon(double delta) {
        return LocalDp.epsilon(claimed.noiseMultiplier(), claimed.steps(), delta);
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "local DP, Dirac update canaries of norm %gC, white-box (σ=%g, C=%g, %d rounds)",
                scale,
                claimed.noiseMultiplier(),
                claimed.clipNorm(),
                claimed.steps());
    }
}
