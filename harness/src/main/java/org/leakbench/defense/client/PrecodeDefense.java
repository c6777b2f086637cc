package org.leakbench.defense.client;

import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Range.closed;
import static org.leakbench.component.Tier.CHEAP;

import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.defense.ModelExtension;
import org.leakbench.model.ModelSpec;

/**
 * {@code precode}: PRECODE's variational bottleneck before the classifier ({@link Precode}), K = 256 and β = 0.001
 * as in the paper. It is a model extension, not a transformation of the update, so it is split along the code's
 * layers: the architecture is a model option ({@link ModelSpec#BOTTLENECK}, built by
 * {@link org.leakbench.model.Models}), because every model of the point (the attacked victim, every client of the
 * utility training, a weight file) must have it and the attacker is handed the same model; the client's sampled
 * noise and KL term are a {@link BatchDefense}, because they are how the client computes its update. The defense
 * declares {@link Capability#EXTENDS_MODEL} and {@link #extend} gives the pipeline the spec to build.
 */
public final class PrecodeDefense extends BatchDefenseComponent implements ModelExtension {
    public static final ParameterSpec BETA = ParameterSpec.ofDouble(
                    "precode.beta", CHEAP, closed(0, 1e3), 1e-3, "weight of the KL term in PRECODE's training loss")
            .withUnit("weight per nat");
    public static final ParameterSpec SIZE = ParameterSpec.ofInt(
                    "precode.size", CHEAP, atLeast(1), 256, "size K of PRECODE's stochastic code")
            .withUnit("dimensions");

    public PrecodeDefense() {
        super(
                Descriptor.of(
                                ComponentKind.DEFENSE,
                                "precode",
                                "PRECODE: a variational bottleneck (encoder to mean and log-variance, sampled code, "
                                        + "decoder) before the classifier, trained with beta times its KL term")
                        .cites("Scheliga, Mäder, Seeland, PRECODE - A Generic Model Extension to Prevent Deep "
                                + "Gradient Leakage, WACV 2022")
                        .main(BETA)
                        .parameters(SIZE)
                        .does(Capability.TRANSFORMS_CLIENT_BATCH)
                        .does(Capability.EXTENDS_MODEL)
                        .build(),
                "Balunović et al. 2022 (Bayesian Framework for Gradient Leakage, ICLR) argue an attacker should model "
                        + "the defense's randomness: the attacker optimises PRECODE's noise jointly with the batch");
    }

    @Override
    protected BatchDefense createBatch(ParameterView own) {
        return new Precode(own.doubleValue(BETA.name()));
    }

    /** {@code spec} with the bottleneck the point asks for. */
    @Override
    public ModelSpec extend(ModelSpec spec, ParameterView point) {
        return spec.withOption(
                ModelSpec.BOTTLENECK, Integer.toString(view(point).intValue(SIZE.name())));
    }
}
