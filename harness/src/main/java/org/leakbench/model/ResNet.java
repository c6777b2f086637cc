package org.leakbench.model;

import java.util.Arrays;

/**
 * The CIFAR ResNet of He, Zhang, Ren and Sun (Deep Residual Learning for Image Recognition, CVPR 2016, section
 * 4.2): depth 6n+2, three stages of n basic blocks with b, 2b and 4b channels, b = 16·width rounded and at least 1
 * (ResNet-20, -32, -56 for n = 3, 5, 9). Shortcuts where the shape changes are projections ({@code shortcut=projection}, the
 * default) or the parameter-free zero padding of the paper's CIFAR experiments ({@code shortcut=padding}).
 * At width 1 with 10 classes ResNet-20 has 269,722 parameters with padding shortcuts (the paper's "0.27M") and
 * 272,474 with projections.
 */
public final class ResNet extends ResidualNetwork {
    public ResNet(ModelSpec spec) {
        super(spec, "resnet" + spec.depth(), new int[] {16, 32, 64}, blocks(spec.depth()));
    }

    private static int[] blocks(int depth) {
        int[] n = new int[3];
        Arrays.fill(n, (depth - 2) / 6);
        return n;
    }
}
