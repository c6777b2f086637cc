package org.leakbench.model;

/**
 * ResNet-18 for small images: torchvision's layout (four stages of two basic blocks with b, 2b, 4b and 8b
 * channels, b = 64·width rounded and at least 1, projection shortcuts by default) with a 3×3 stride-1 stem and no max
 * pooling, the variant
 * commonly trained on CIFAR-10 (11,173,962 parameters at width 1 with 10 classes). The depth of the spec is
 * ignored.
 */
public final class ResNet18 extends ResidualNetwork {
    public ResNet18(ModelSpec spec) {
        super(spec, "resnet18", new int[] {64, 128, 256, 512}, new int[] {2, 2, 2, 2});
    }
}
