package org.leakbench.optim;

/**
 * L-BFGS settings. Defaults follow common practice (and PyTorch's LBFGS): history 100, learning rate 1,
 * gradient tolerance 1e-7 (max-abs), value tolerance 1e-9.
 */
public record LbfgsOptions(
        int maxIterations, int history, double learningRate, double gradientTolerance, double valueTolerance) {
    public LbfgsOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("lbfgs.maxIterations must be >= 1, got " + maxIterations);
        }
        if (history < 1) {
            throw new IllegalArgumentException("lbfgs.history must be >= 1, got " + history);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("lbfgs.learningRate must be > 0, got " + learningRate);
        }
        if (!(gradientTolerance >= 0) || !(valueTolerance >= 0)) {
            throw new IllegalArgumentException("lbfgs tolerances must be >= 0");
        }
    }

    public static LbfgsOptions iterations(int maxIterations) {
        return new LbfgsOptions(maxIterations, 100, 1.0, 1e-7, 1e-9);
    }
}
