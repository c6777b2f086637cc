package org.leakbench.model;

import static org.leakbench.component.Tier.EXPENSIVE;

import java.util.List;
import java.util.Map;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/** The registered convolutional victims with normalisation layers: CIFAR ResNets, ResNet-18 and breaching's ConvNet. */
public final class ConvModelComponents {
    public static final ParameterSpec NORM = ParameterSpec.ofEnum(
            "model.norm",
            EXPENSIVE,
            List.of("batch", "group"),
            "batch",
            "normalisation layers: BatchNorm, or GroupNorm (per example, so DP-SGD can clip per example)");
    public static final ParameterSpec SHORTCUT = ParameterSpec.ofEnum(
            "model.shortcut",
            EXPENSIVE,
            List.of("projection", "padding"),
            "projection",
            "ResNet shortcuts where the shape changes: 1x1 convolution and norm, or subsampling and zero channels");

    public static final ParameterSpec BN_MODE = ParameterSpec.ofEnum(
            "model.bn-mode",
            EXPENSIVE,
            List.of("train", "eval"),
            "train",
            "BatchNorm in the attacked update: batch statistics (training mode), or the running statistics the "
                    + "server sent (evaluation mode, as Inverting Gradients attacks a model after model.eval())");
    public static final ParameterSpec PRETRAIN_ROUNDS = ParameterSpec.ofInt(
                    "model.pretrain-rounds",
                    EXPENSIVE,
                    org.leakbench.component.Range.atLeast(0),
                    0,
                    "FedAvg rounds on the training split (all fl.clients, one local epoch of fl.local-batch at fl.lr) "
                            + "before the attacked round: 0 attacks the initial model")
            .withUnit("rounds");

    private static final String HE_2016 =
            "He, Zhang, Ren, Sun, Deep Residual Learning for Image Recognition, CVPR 2016";

    private ConvModelComponents() {}

    private static Map<String, String> options(ParameterView p, boolean shortcut) {
        return shortcut
                ? Map.of(ModelSpec.NORM, p.string(NORM.name()), ModelSpec.SHORTCUT, p.string(SHORTCUT.name()))
                : Map.of(ModelSpec.NORM, p.string(NORM.name()));
    }

    /** A CIFAR ResNet of a fixed depth 6n+2. */
    abstract static class CifarResNet extends ModelComponent {
        private final int depth;

        CifarResNet(int depth) {
            super(Descriptor.of(
                            ComponentKind.MODEL,
                            "resnet" + depth,
                            "CIFAR ResNet-" + depth + ": three stages of " + (depth - 2) / 6
                                    + " basic blocks with 16, 32, 64 x width channels")
                    .cites(HE_2016)
                    .parameters(ModelComponents.WIDTH, NORM, SHORTCUT, BN_MODE, PRETRAIN_ROUNDS)
                    .requires(Requirement.IMAGE_DATA)
                    .build());
            this.depth = depth;
        }

        @Override
        public ModelSpec spec(ParameterView p, int[] sampleShape, int classes) {
            return new ModelSpec(
                    ModelSpec.RESNET,
                    sampleShape,
                    classes,
                    p.doubleValue(ModelComponents.WIDTH.name()),
                    depth,
                    Activation.RELU,
                    options(p, true));
        }
    }

    /** {@code resnet20}: n = 3. */
    public static final class ResNet20Model extends CifarResNet {
        public ResNet20Model() {
            super(20);
        }
    }

    /** {@code resnet32}: n = 5. */
    public static final class ResNet32Model extends CifarResNet {
        public ResNet32Model() {
            super(32);
        }
    }

    /** {@code resnet56}: n = 9. */
    public static final class ResNet56Model extends CifarResNet {
        public ResNet56Model() {
            super(56);
        }
    }

    /** {@code resnet18}: torchvision's ResNet-18 with a 3x3 stem and no max pool, for small images. */
    public static final class ResNet18Model extends ModelComponent {
        public ResNet18Model() {
            super(Descriptor.of(
                            ComponentKind.MODEL,
                            "resnet18",
                            "ResNet-18 for small images: 3x3 stem, four stages of two basic blocks with "
                                    + "64, 128, 256, 512 x width channels")
                    .cites(HE_2016)
                    .parameters(ModelComponents.WIDTH, NORM, SHORTCUT, BN_MODE, PRETRAIN_ROUNDS)
                    .requires(Requirement.IMAGE_DATA)
                    .build());
        }

        @Override
        public ModelSpec spec(ParameterView p, int[] sampleShape, int classes) {
            return new ModelSpec(
                    ModelSpec.RESNET18,
                    sampleShape,
                    classes,
                    p.doubleValue(ModelComponents.WIDTH.name()),
                    18,
                    Activation.RELU,
                    options(p, true));
        }
    }

    /** {@code convnet}: breaching's ConvNet, base width 64 x width. */
    public static final class ConvNetModel extends ModelComponent {
        public ConvNetModel() {
            super(Descriptor.of(
                            ComponentKind.MODEL,
                            "convnet",
                            "breaching's ConvNet: eight 3x3 conv/norm/ReLU layers of 64 to 256 x width "
                                    + "channels, two max pools, one linear layer")
                    .cites("Geiping, Bauermeister, Droege, Moeller, Inverting Gradients - How easy is it to break "
                            + "privacy in federated learning?, NeurIPS 2020")
                    .parameters(ModelComponents.WIDTH, NORM, BN_MODE, PRETRAIN_ROUNDS)
                    .requires(Requirement.IMAGE_DATA)
                    .build());
        }

        @Override
        public ModelSpec spec(ParameterView p, int[] sampleShape, int classes) {
            return new ModelSpec(
                    ModelSpec.CONVNET,
                    sampleShape,
                    classes,
                    p.doubleValue(ModelComponents.WIDTH.name()),
                    8,
                    Activation.RELU,
                    options(p, false));
        }
    }
}
