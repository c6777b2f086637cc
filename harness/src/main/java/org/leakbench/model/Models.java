package org.leakbench.model;

/** Builds a {@link Model} from its {@link ModelSpec}, with PRECODE's bottleneck when the spec asks for it. */
public final class Models {
    private Models() {}

    public static Model build(ModelSpec spec) {
        Model model = family(spec);
        return spec.options().containsKey(ModelSpec.BOTTLENECK) ? new VariationalBottleneck(model, spec) : model;
    }

    private static Model family(ModelSpec spec) {
        return switch (spec.family()) {
            case ModelSpec.LENET -> new LeNet(spec);
            case ModelSpec.MLP, ModelSpec.LINEAR -> new Mlp(spec);
            case ModelSpec.TRANSFORMER -> new Transformer(spec);
            case ModelSpec.RESNET -> new ResNet(spec);
            case ModelSpec.RESNET18 -> new ResNet18(spec);
            case ModelSpec.CONVNET -> new ConvNet(spec);
            default -> throw new IllegalArgumentException("unknown model family " + spec.family());
        };
    }
}
