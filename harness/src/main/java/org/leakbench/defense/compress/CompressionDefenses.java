package org.leakbench.defense.compress;

import static org.leakbench.component.Range.closed;
import static org.leakbench.component.Tier.CHEAP;

import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParamType;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Range;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;

/** The registered compression defenses: pruning, top-k, random-k, stochastic quantization, sign. */
public final class CompressionDefenses {
    private CompressionDefenses() {}

    private static Descriptor.Builder compression(String name, String summary) {
        return Descriptor.of(ComponentKind.DEFENSE, name, summary).does(Capability.TRANSFORMS_UPDATE);
    }

    private static ParameterSpec fraction(String name, Range range, double def, String description) {
        return ParameterSpec.ofDouble(name, CHEAP, range, def, description).withUnit("fraction of entries");
    }

    /** {@code prune}: the smallest-magnitude entries set to zero (DLG's gradient pruning). */
    public static final class Prune extends DefenseComponent {
        public Prune() {
            super(compression("prune", "gradient pruning: the smallest-magnitude entries are set to zero")
                    .cites("Zhu, Liu, Han, Deep Leakage from Gradients, NeurIPS 2019 (Sec. 5, pruning 20% and more "
                            + "defends)")
                    .main(fraction("prune.fraction", closed(0, 1), 0.2, "fraction of entries set to zero"))
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return new GradientPruning(new PruningOptions(own.doubleValue("prune.fraction")));
        }
    }

    /** {@code topk}: only the largest-magnitude entries are sent. */
    public static final class TopK extends DefenseComponent {
        public TopK() {
            super(compression("topk", "top-k sparsification: only the largest-magnitude entries are sent")
                    .cites("Aji, Heafield, Sparse Communication for Distributed Gradient Descent, EMNLP 2017")
                    .main(fraction("topk.fraction", new Range(0, false, 1, true), 0.1, "fraction of entries kept"))
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return new TopKCompression(new SparsificationOptions(own.doubleValue("topk.fraction"), false));
        }
    }

    /** {@code randomk}: a random subset of entries is sent. */
    public static final class RandomK extends DefenseComponent {
        public RandomK() {
            super(compression("randomk", "random-k sparsification: a random subset of entries is sent")
                    .cites("Stich, Cordonnier, Jaggi, Sparsified SGD with Memory, NeurIPS 2018")
                    .main(fraction("randomk.fraction", new Range(0, false, 1, true), 0.1, "fraction of entries kept"))
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return new RandomKCompression(new SparsificationOptions(own.doubleValue("randomk.fraction"), false));
        }
    }

    /** {@code quant}: unbiased stochastic rounding to a few bits per entry. */
    public static final class Quant extends DefenseComponent {
        public Quant() {
            super(compression("quant", "stochastic quantization: unbiased rounding to a few bits per entry")
                    .cites("Alistarh, Grubic, Li, Tomioka, Vojnovic, QSGD, NeurIPS 2017")
                    .main(new ParameterSpec(
                            "quant.bits",
                            ParamType.INT,
                            java.util.List.of(),
                            closed(1, 32),
                            8,
                            "bits per entry",
                            CHEAP,
                            "bits"))
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return new StochasticQuantization(new QuantizationOptions((int) Math.round(own.doubleValue("quant.bits"))));
        }
    }

    /** {@code sign}: one bit per entry. */
    public static final class Sign extends DefenseComponent {
        public Sign() {
            super(compression("sign", "sign compression: one bit per entry")
                    .cites("Bernstein, Wang, Azizzadenesheli, Anandkumar, signSGD, ICML 2018")
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return new SignCompression();
        }
    }
}
