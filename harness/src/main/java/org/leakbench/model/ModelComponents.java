package org.leakbench.model;

import static org.leakbench.component.Range.above;
import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Tier.EXPENSIVE;

import java.util.List;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/** The registered model architectures: DLG's LeNet, the MLP and multinomial logistic regression. */
public final class ModelComponents {
    public static final ParameterSpec WIDTH = ParameterSpec.ofDouble(
                    "model.width", EXPENSIVE, above(0), 1.0, "width multiplier of the model's layers")
            .withUnit("multiple of the base width");
    public static final ParameterSpec DEPTH = ParameterSpec.ofInt(
                    "model.depth", EXPENSIVE, atLeast(1), 2, "number of hidden layers (mlp)")
            .withUnit("layers");
    public static final ParameterSpec ACTIVATION = ParameterSpec.ofEnum(
            "model.activation", EXPENSIVE, List.of("sigmoid", "relu", "tanh"), "sigmoid", "hidden-layer activation");

    private ModelComponents() {}

    /** {@code lenet}: DLG's LeNet (sigmoid convolutions, weights uniform in [-0.5, 0.5]). */
    public static final class LeNetModel extends ModelComponent {
        public LeNetModel() {
            super(Descriptor.of(
                            ComponentKind.MODEL,
                            "lenet",
                            "DLG's LeNet: sigmoid convolutions of 12 x width " + "channels and one linear layer")
                    .cites("Zhu, Liu, Han, Deep Leakage from Gradients, NeurIPS 2019")
                    .parameters(WIDTH, DEPTH, ACTIVATION)
                    .requires(Requirement.IMAGE_DATA)
                    .build());
        }

        @Override
        public ModelSpec spec(ParameterView p, int[] sampleShape, int classes) {
            int depth = p.intValue(DEPTH.name());
            // The shared depth default (2, the MLP's) stands for LeNet's own three convolutions.
            return new ModelSpec(
                    ModelSpec.LENET,
                    sampleShape,
                    classes,
                    p.doubleValue(WIDTH.name()),
                    Math.max(1, depth == 2 ? 3 : depth),
                    Activation.parse(p.string(ACTIVATION.name())));
        }
    }

    /** {@code mlp}: fully connected hidden layers of 256 x width units. */
    public static final class MlpModel extends ModelComponent {
        public MlpModel() {
            super(Descriptor.of(
                            ComponentKind.MODEL,
                            "mlp",
                            "multilayer perceptron: hidden layers of 256 x width " + "units")
                    .parameters(WIDTH, DEPTH, ACTIVATION)
                    .does(Capability.LINEAR_FIRST_LAYER)
                    .build());
        }

        @Override
        public ModelSpec spec(ParameterView p, int[] sampleShape, int classes) {
            return ModelSpec.mlp(
                    sampleShape,
                    classes,
                    p.doubleValue(WIDTH.name()),
                    p.intValue(DEPTH.name()),
                    Activation.parse(p.string(ACTIVATION.name())));
        }
    }

    /** {@code logistic}: one linear layer and a softmax. */
    public static final class LogisticModel extends ModelComponent {
        public LogisticModel() {
            super(Descriptor.of(ComponentKind.MODEL, "logistic", "multinomial logistic regression: one linear layer")
                    .does(Capability.LINEAR_FIRST_LAYER)
                    .build());
        }

        @Override
        public ModelSpec spec(ParameterView p, int[] sampleShape, int classes) {
            return ModelSpec.linear(sampleShape, classes);
        }
    }
}
