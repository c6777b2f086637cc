package org.leakbench.optim;

/**
 * Adam settings. {@code boxLength} leading entries of the vector are kept in [boxLow, boxHigh] after
 * every step (0 turns the constraint off), e.g. the image part of an attack's unknowns.
 */
public record AdamOptions(
        int iterations,
        double learningRate,
        boolean signedGradient,
        boolean stepDecay,
        int boxLength,
        double boxLow,
        double boxHigh) {
    public AdamOptions {
        if (iterations < 1) {
            throw new IllegalArgumentException("adam.iterations must be >= 1, got " + iterations);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("adam.learningRate must be > 0, got " + learningRate);
        }
        if (boxLength < 0 || (boxLength > 0 && !(boxLow < boxHigh))) {
            throw new IllegalArgumentException("adam box constraint needs boxLength >= 0 and low < high");
        }
    }
}
