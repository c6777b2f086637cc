package org.leakbench.defense.dp;

import static org.leakbench.component.Range.above;
import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Tier.CHEAP;

import java.util.List;
import java.util.Locale;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Range;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.FlatDefense;
import org.leakbench.defense.UpdateDefense;

/**
 * The registered noise and DP defenses. They differ in where they act, which their capabilities say: in the
 * update the client sends (noise, laplace, local-dp), in the client's local training (dp-sgd), or at the
 * server (dp-fedavg).
 */
public final class DpDefenses {
    /** Gaussian noise source of every DP defense. */
    public static final ParameterSpec NOISE = ParameterSpec.ofEnum(
            "dp.noise",
            CHEAP,
            NoiseSources.GAUSSIAN_NAMES,
            NoiseSources.FAST,
            "Gaussian noise of DP defenses: fast floating-point (Box–Muller), the older ziggurat, or exact discrete Gaussian");
    /** How DP-SGD draws its batches. */
    public static final ParameterSpec SAMPLING = ParameterSpec.ofEnum(
            "dp.sampling",
            CHEAP,
            List.of("poisson", "shuffle"),
            "poisson",
            "DP-SGD batches: poisson (what the accountant analyses) or shuffle (epsilon only approximate)");
    /** Which accountant's ε a DP row reports ({@link Accountants}); it changes no training. */
    public static final ParameterSpec ACCOUNTANT = ParameterSpec.ofEnum(
            "dp.accountant",
            CHEAP,
            Accountants.NAMES,
            "rdp",
            "accountant of the reported epsilon: rdp, prv or pld (upper bounds) or gdp (a CLT approximation)");
    /** The noise multiplier σ: noise of standard deviation σ·C. */
    public static final ParameterSpec SIGMA = ParameterSpec.ofDouble(
                    "dp.sigma",
                    CHEAP,
                    atLeast(0),
                    1.0,
                    "noise multiplier: Gaussian noise of standard deviation sigma times the clipping norm")
            .withUnit("multiple of the clipping norm");
    /** The clipping norm C. */
    public static final ParameterSpec CLIP = ParameterSpec.ofDouble("dp.clip", CHEAP, above(0), 1.0, "L2 clipping norm")
            .withUnit("L2 norm");

    /** dp-fedavg's clipping norm: fixed at {@code dp.clip}, or adapted from it each round ({@link AdaptiveClipping}). */
    public static final ParameterSpec CLIPPING = ParameterSpec.ofEnum(
            "dp.clipping",
            CHEAP,
            List.of("fixed", "adaptive"),
            "fixed",
            "dp-fedavg clipping norm: fixed at dp.clip, or adaptive (starts at dp.clip, follows dp.clip-quantile)");
    /** γ of adaptive clipping. */
    public static final ParameterSpec CLIP_QUANTILE = ParameterSpec.ofDouble(
                    "dp.clip-quantile",
                    CHEAP,
                    new Range(0, false, 1, false),
                    0.5,
                    "adaptive clipping: share of client updates the clipping norm should leave unclipped")
            .withUnit("probability");
    /** η_C of adaptive clipping. */
    public static final ParameterSpec CLIP_LR = ParameterSpec.ofDouble(
                    "dp.clip-lr",
                    CHEAP,
                    above(0),
                    0.2,
                    "adaptive clipping: geometric step C <- C exp(-lr (unclipped share - quantile))")
            .withUnit("log-norm per round");
    /** σ_b / m of adaptive clipping. */
    public static final ParameterSpec COUNT_NOISE = ParameterSpec.ofDouble(
                    "dp.count-noise",
                    CHEAP,
                    atLeast(0),
                    0.05,
                    "adaptive clipping: noise std on the released unclipped share; needs 2 x it x clients > dp.sigma")
            .withUnit("share of clients");

    /** The deprecation notice of {@code client-dp}. */
    public static final String CLIENT_DP_DEPRECATED = "defense client-dp is deprecated: it is local DP (each client "
            + "clips and noises its own update, which the server sees) and runs as local-dp, accounted as such; "
            + "write local-dp, or dp-fedavg for central client-level DP";

    private DpDefenses() {}

    private static UpdateDefense additive(AdditiveNoiseOptions.Kind kind, double variance, String source) {
        AdditiveNoiseOptions o = new AdditiveNoiseOptions(kind, variance);
        return new FlatDefense(
                kind.name().toLowerCase(Locale.ROOT) + "-" + variance,
                (v, rng) -> new AdditiveNoise(o, rng, source).apply(v));
    }

    private static ParameterSpec variance(String name) {
        return ParameterSpec.ofDouble(name, CHEAP, atLeast(0), 1e-3, "variance of the noise added to each entry")
                .withUnit("squared update units");
    }

    /** {@code noise}: Gaussian noise of a given variance on every entry (DLG's noise defense). */
    public static final class Gaussian extends DefenseComponent {
        public Gaussian() {
            super(Descriptor.of(
                            ComponentKind.DEFENSE,
                            "noise",
                            "additive Gaussian noise of a given variance on " + "every entry of the update")
                    .cites("Zhu, Liu, Han, Deep Leakage from Gradients, NeurIPS 2019 (Sec. 5, variance 1e-4..1e-1)")
                    .parameters(NOISE)
                    .main(variance("noise.variance"))
                    .does(Capability.TRANSFORMS_UPDATE)
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return additive(
                    AdditiveNoiseOptions.Kind.GAUSSIAN, own.doubleValue("noise.variance"), own.string(NOISE.name()));
        }
    }

    /** {@code laplace}: Laplacian noise of a given variance on every entry. */
    public static final class Laplace extends DefenseComponent {
        public Laplace() {
            super(Descriptor.of(
                            ComponentKind.DEFENSE,
                            "laplace",
                            "additive Laplacian noise of a given variance on " + "every entry of the update")
                    .cites("Zhu, Liu, Han, Deep Leakage from Gradients, NeurIPS 2019 (Sec. 5)")
                    .parameters(NOISE)
                    .main(variance("laplace.variance"))
                    .does(Capability.TRANSFORMS_UPDATE)
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return additive(
                    AdditiveNoiseOptions.Kind.LAPLACE, own.doubleValue("laplace.variance"), own.string(NOISE.name()));
        }
    }

    /**
     * {@code dp-sgd}: per-example clipping and noise in every local step; the update passes through here
     * unchanged because the noise is already in it.
     */
    public static final class DpSgd extends DefenseComponent {
        public DpSgd() {
            super(Descriptor.of(
                            ComponentKind.DEFENSE,
                            "dp-sgd",
                            "DP-SGD: each client clips per example and adds "
                                    + "Gaussian noise in every local step; example-level DP")
                    .cites("Abadi, Chu, Goodfellow, McMahan, Mironov, Talwar, Zhang, Deep Learning with Differential "
                            + "Privacy, CCS 2016")
                    .parameters(SAMPLING, NOISE, ACCOUNTANT)
                    .main(SIGMA)
                    .clip(CLIP)
                    .does(Capability.CLIPS_PER_EXAMPLE_IN_CLIENT, Capability.EXAMPLE_LEVEL_DP)
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return UpdateDefense.none(); // the noise is added where the gradient is computed
        }
    }

    /** {@code local-dp}: each client clips its whole update and noises it before sending ({@link LocalDp}). */
    public static final class Local extends DefenseComponent {
        public Local() {
            super(Descriptor.of(
                            ComponentKind.DEFENSE,
                            "local-dp",
                            "local DP: each client clips its whole update "
                                    + "to C and adds N(0, sigma^2 C^2) before sending it")
                    .cites("Truex, Liu, Chow, Gursoy, Wei, LDP-Fed, EdgeSys 2020")
                    .alias("client-dp", CLIENT_DP_DEPRECATED)
                    .parameters(NOISE, ACCOUNTANT)
                    .main(SIGMA)
                    .clip(CLIP)
                    .does(Capability.TRANSFORMS_UPDATE, Capability.LOCAL_DP)
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            ClientDpOptions o = new ClientDpOptions(own.doubleValue(CLIP.name()), own.doubleValue(SIGMA.name()));
            String source = own.string(NOISE.name());
            return new FlatDefense(
                    "local-dp-" + o.noiseMultiplier() * o.clipNorm(),
                    (v, rng) -> new LocalDp(o, NoiseSources.gaussian(source, rng)).privatize(v));
        }
    }

    /**
     * {@code dp-fedavg}: the server clips each update and noises the sum once ({@link ClientLevelDp}); the
     * client's update passes through here unchanged.
     */
    public static final class FedAvg extends DefenseComponent {
        public FedAvg() {
            super(Descriptor.of(
                            ComponentKind.DEFENSE,
                            "dp-fedavg",
                            "central client-level DP: the server clips each "
                                    + "update to C and adds N(0, sigma^2 C^2) once to the sum")
                    .cites("McMahan, Ramage, Talwar, Zhang, Learning Differentially Private Recurrent Language Models, "
                            + "ICLR 2018; adaptive clipping: Andrew, Thakkar, McMahan, Ramaswamy, Differentially "
                            + "Private Learning with Adaptive Clipping, NeurIPS 2021")
                    .parameters(NOISE, ACCOUNTANT, CLIPPING, CLIP_QUANTILE, CLIP_LR, COUNT_NOISE)
                    .main(SIGMA)
                    .clip(CLIP)
                    .does(Capability.NOISES_AT_SERVER, Capability.CLIENT_LEVEL_DP)
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return UpdateDefense.none(); // the server adds the noise
        }
    }
}
