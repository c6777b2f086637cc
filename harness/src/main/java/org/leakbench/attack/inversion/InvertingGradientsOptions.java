package org.leakbench.attack.inversion;

import org.leakbench.tensor.DType;

/**
 * Settings of Inverting Gradients (Geiping et al. 2020). The paper and breaching use Adam with lr 0.1
 * on signed gradients, TV weight around 1e-4..0.2 depending on the model, step decay, a [0, 1] box for
 * unnormalised images, and up to 24,000 iterations with several restarts; the defaults here are smaller
 * so that a sweep point finishes in seconds.
 */
public record InvertingGradientsOptions(
        int iterations, int restarts, double learningRate, double tvWeight, DType dtype) {
    public InvertingGradientsOptions {
        if (iterations < 1) {
            throw new IllegalArgumentException("attack.iterations must be >= 1, got " + iterations);
        }
        if (restarts < 1 || restarts > 64) {
            throw new IllegalArgumentException("attack.restarts must be in [1, 64], got " + restarts);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("attack.lr must be > 0, got " + learningRate);
        }
        if (!(tvWeight >= 0)) {
            throw new IllegalArgumentException("attack.tv must be >= 0, got " + tvWeight);
        }
    }

    public static InvertingGradientsOptions defaults() {
        return new InvertingGradientsOptions(2000, 2, 0.1, 1e-2, DType.F32);
    }
}
