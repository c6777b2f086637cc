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
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.LocalDp;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.update.Update;

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
 *   <li>{@code local-dp}: the noise multiplier σ of local DP ({@link LocalDp}): each client clips its whole
 *       update to {@code defense.clip} = C and adds N(0, σ²C²) before sending it</li>
 *   <li>{@code client-dp}: deprecated name of {@code local-dp} (what it always computed)</li>
 *   <li>{@code dp-fedavg}: the noise multiplier σ of central client-level DP (McMahan et al. 2018): the
 *       server clips each update to C and adds N(0, σ²C²) once to the sum ({@link DpFedAvgAggregator}), so
 *       the client's update itself passes through unchanged</li>
 *   <li>{@code secagg}, {@code secagg+}: unused; secure aggregation changes what the server observes</li>
 * </ul>
 */
public final class DefenseFactory {
    private DefenseFactory() {
    }

    /** The deprecation notice of {@code client-dp}. */
    static final String CLIENT_DP_DEPRECATED = "defense client-dp is deprecated: it is local DP (each client "
            + "clips and noises its own update, which the server sees) and runs as local-dp, accounted as such; "
            + "write local-dp, or dp-fedavg for central client-level DP";

    public static UpdateDefense create(String name, double param, double clip) {
        return create(name, param, clip, NoiseSources.FAST);
    }

    /** Like {@link #create(String, double, double)}, with Gaussian noise from the source called {@code noise}. */
    public static UpdateDefense create(String name, double param, double clip, String noise) {
        return switch (name) {
            case "none", "secagg", "secagg+", "dp-fedavg" -> UpdateDefense.none();
            case "noise" -> noise(AdditiveNoiseOptions.Kind.GAUSSIAN, param, noise);
            case "laplace" -> noise(AdditiveNoiseOptions.Kind.LAPLACE, param, noise);
            case "prune" -> new GradientPruning(new PruningOptions(param));
            case "topk" -> new TopKCompression(new SparsificationOptions(param, false));
            case "randomk" -> new RandomKCompression(new SparsificationOptions(param, false));
            case "quant" -> new StochasticQuantization(new QuantizationOptions((int) Math.round(param)));
            case "sign" -> new SignCompression();
            case "local-dp", "client-dp" -> localDp(new ClientDpOptions(clip, param), noise);
            case "dp-sgd" -> UpdateDefense.none(); // per-example clipping and noise happen in the client
            default -> throw new IllegalArgumentException("unknown defense '" + name + "'");
        };
    }

    private static UpdateDefense noise(AdditiveNoiseOptions.Kind kind, double variance, String source) {
        AdditiveNoiseOptions o = new AdditiveNoiseOptions(kind, variance);
        return flat(kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + variance,
                (v, rng) -> new AdditiveNoise(o, rng, source).apply(v));
    }

    /** Each client's {@link LocalDp}: clip the whole update to C, add N(0, σ²C²) from its own noise source. */
    static UpdateDefense localDp(ClientDpOptions o, String source) {
        return flat("local-dp-" + o.noiseMultiplier() * o.clipNorm(),
                (v, rng) -> new LocalDp(o, NoiseSources.gaussian(source, rng)).privatize(v));
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
            "sign", "client-dp", "dp-sgd", "secagg", "secagg+", "local-dp", "dp-fedavg");
}
