package org.leakbench.pipeline;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.compress.GradientPruning;
import org.leakbench.defense.compress.PruningOptions;
import org.leakbench.defense.compress.QuantizationOptions;
import org.leakbench.defense.compress.RandomKCompression;
import org.leakbench.defense.compress.SignCompression;
import org.leakbench.defense.compress.SparsificationOptions;
import org.leakbench.defense.compress.StochasticQuantization;
import org.leakbench.defense.compress.TopKCompression;
import org.leakbench.defense.dp.AdditiveNoise;
import org.leakbench.defense.dp.AdditiveNoiseOptions;
import org.leakbench.defense.dp.Clipping;
import org.leakbench.defense.dp.FastGaussianSampler;
import org.leakbench.fl.Update;

/**
 * Maps {@code defense} and {@code defense.param} to the transformation a client applies to its update.
 * What the parameter means per defense:
 * <ul>
 *   <li>{@code noise}, {@code laplace}: the variance of additive noise (the DLG paper's defense)</li>
 *   <li>{@code prune}: the fraction of smallest-magnitude entries set to zero (DLG's gradient pruning)</li>
 *   <li>{@code topk}, {@code randomk}: the fraction of entries kept</li>
 *   <li>{@code quant}: bits per entry (stochastic rounding)</li>
 *   <li>{@code sign}: unused (one bit per entry)</li>
 *   <li>{@code dp-sgd}: the noise multiplier σ (clipping norm {@code defense.clip}); per-example clipping
 *       and noise happen where the gradient is computed (the victim's update in {@link PointPipeline}, every
 *       client's in {@link UtilityRunner}), so the update itself passes through unchanged</li>
 *   <li>{@code client-dp}: the noise multiplier σ of local DP on the whole update: clip to
 *       {@code defense.clip}, add N(0, σ²C²)</li>
 *   <li>{@code secagg}, {@code secagg+}: unused; secure aggregation changes what the server observes</li>
 * </ul>
 */
public final class DefenseFactory {
    private DefenseFactory() {
    }

    public static UpdateDefense create(String name, double param, double clip) {
        return switch (name) {
            case "none", "secagg", "secagg+" -> UpdateDefense.none();
            case "noise" -> noise(AdditiveNoiseOptions.Kind.GAUSSIAN, param);
            case "laplace" -> noise(AdditiveNoiseOptions.Kind.LAPLACE, param);
            case "prune" -> new GradientPruning(new PruningOptions(param));
            case "topk" -> new TopKCompression(new SparsificationOptions(param, false));
            case "randomk" -> new RandomKCompression(new SparsificationOptions(param, false));
            case "quant" -> new StochasticQuantization(new QuantizationOptions((int) Math.round(param)));
            case "sign" -> new SignCompression();
            case "client-dp" -> clipAndNoise("client-dp", clip, param * clip);
            case "dp-sgd" -> UpdateDefense.none(); // per-example clipping and noise happen in the client
            default -> throw new IllegalArgumentException("unknown defense '" + name + "'");
        };
    }

    private static UpdateDefense noise(AdditiveNoiseOptions.Kind kind, double variance) {
        AdditiveNoiseOptions o = new AdditiveNoiseOptions(kind, variance);
        return flat(kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + variance,
                (v, rng) -> new AdditiveNoise(o, rng).apply(v));
    }

    /** Clip the whole update to L2 norm {@code clip}, then add Gaussian noise of standard deviation {@code std}. */
    static UpdateDefense clipAndNoise(String label, double clip, double std) {
        return flat(label + "-" + std, (v, rng) -> {
            float[] c = v.clone();
            Clipping.clipInPlace(c, clip);
            if (std > 0) {
                new FastGaussianSampler(rng).addTo(c, std);
            }
            return c;
        });
    }

    interface FlatTransform {
        float[] apply(float[] flat, SplittableRandom rng);
    }

    static UpdateDefense flat(String label, FlatTransform f) {
        return new UpdateDefense() {
            @Override
            public Update apply(Update update, SplittableRandom rng) {
                return update.withFlat(f.apply(update.flatten(), rng));
            }

            @Override
            public String name() {
                return label;
            }
        };
    }

    /** Names this factory understands. */
    public static final List<String> NAMES = List.of("none", "noise", "laplace", "prune", "topk", "randomk", "quant",
            "sign", "client-dp", "dp-sgd", "secagg", "secagg+");
}
