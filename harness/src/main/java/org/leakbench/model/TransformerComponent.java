package org.leakbench.model;

import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Tier.EXPENSIVE;

import java.util.Map;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;

/**
 * {@code transformer}: the decoder-only {@link Transformer} on windows of token ids, predicting the next token.
 * model.width is d_model (default 64 for this model), model.depth the number of blocks and model.heads the
 * attention heads. Image data sets are refused by {@link ModelSpec}, which names the samples' shape.
 */
public final class TransformerComponent extends ModelComponent {
    public static final ParameterSpec HEADS = ParameterSpec.ofInt(
                    "model.heads",
                    EXPENSIVE,
                    atLeast(1),
                    4,
                    "attention heads of the transformer; must divide model.width")
            .withUnit("heads");

    /** d_model when a point leaves model.width at its default. */
    static final double DEFAULT_WIDTH = 64;

    public TransformerComponent() {
        super(Descriptor.of(
                        ComponentKind.MODEL,
                        "transformer",
                        "decoder-only transformer on token windows: model.width = d_model, model.depth blocks "
                                + "of causal multi-head attention and a GELU MLP, next-token logits")
                .cites("Radford, Wu, Child, Luan, Amodei, Sutskever, Language Models are Unsupervised Multitask "
                        + "Learners, 2019")
                .parameters(ModelComponents.WIDTH, ModelComponents.DEPTH, HEADS)
                .defaults(ModelComponents.WIDTH.name(), DEFAULT_WIDTH)
                .build());
    }

    @Override
    public ModelSpec spec(ParameterView p, int[] sampleShape, int classes) {
        return new ModelSpec(
                ModelSpec.TRANSFORMER,
                sampleShape,
                classes,
                p.doubleValue(ModelComponents.WIDTH.name()),
                p.intValue(ModelComponents.DEPTH.name()),
                Activation.SIGMOID, // unused: the MLP's activation is GELU
                Map.of(ModelSpec.HEADS, Integer.toString(p.intValue(HEADS.name()))));
    }
}
