package org.leakbench.optim;

/** Where an optimiser stopped and why. */
public record OptimResult(double[] x, double value, int iterations, int evaluations, Status status) {
    public enum Status {
        /** The gradient or the change in value fell below tolerance. */
        CONVERGED,
        /** The iteration budget ran out. */
        MAX_ITERATIONS,
        /** A NaN or infinity appeared in the value or gradient. */
        DIVERGED,
        /** The caller asked to stop (time limit). */
        CANCELLED
    }

    public boolean diverged() {
        return status == Status.DIVERGED;
    }
}
