package org.leakbench.attack.text;

/**
 * Settings of DAGER (Petrov et al. 2024).
 *
 * @param threshold   the largest relative distance ‖z − Pz‖ / ‖z‖ of a layer input z to the gradient's row space
 *                    at which z counts as inside it
 * @param maxPrefixes how many candidate prefixes the search keeps per position (the closest to the span), which
 *                    bounds its work when the span admits many false candidates
 */
public record DagerOptions(double threshold, int maxPrefixes) {
    public DagerOptions {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("dager.threshold must be in (0, 1), got " + threshold);
        }
        if (maxPrefixes < 1) {
            throw new IllegalArgumentException("dager.max-prefixes must be >= 1, got " + maxPrefixes);
        }
    }
}
