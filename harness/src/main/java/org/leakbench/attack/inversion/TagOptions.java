package org.leakbench.attack.inversion;

import org.leakbench.tensor.DType;

/**
 * Settings of the TAG attack (Deng et al. 2021): Adam iterations and step size on the token scores, and the
 * weight α of the L1 term in the gradient distance ‖∇ − ∇obs‖² + α‖∇ − ∇obs‖₁.
 */
public record TagOptions(int iterations, double learningRate, double l1Weight, DType dtype) {
    public TagOptions {
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("attack.iterations must be in [1, 1000000], got " + iterations);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("attack.lr must be finite and > 0, got " + learningRate);
        }
        if (!(l1Weight >= 0) || Double.isInfinite(l1Weight)) {
            throw new IllegalArgumentException("attack.l1 must be finite and >= 0, got " + l1Weight);
        }
        if (dtype == null) {
            throw new IllegalArgumentException("tag dtype must be given");
        }
    }
}
