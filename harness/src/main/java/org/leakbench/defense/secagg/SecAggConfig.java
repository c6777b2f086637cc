package org.leakbench.defense.secagg;

import java.util.SplittableRandom;

/**
 * Options of secure aggregation, validated on construction.
 *
 * @param mode              SECAGG (complete graph, Bonawitz et al. 2017) or SECAGG_PLUS (random k-regular graph,
 *                          Bell et al. 2020)
 * @param threshold         t as a fraction of the share-holder group (n clients for SecAgg, k + 1 for SecAgg+),
 *                          in (0.5, 1]; t = ceil(threshold * group). Up to group - t clients may drop.
 * @param modulusBits       b: masked vectors and the sum live in Z_{2^b}, in [2, 32]
 * @param quantizationRange R: each clipped value is rounded to an integer in [0, R), in [2, 2^31]
 * @param clippingRange     c: values are clipped to [-c, c] before quantisation, finite and > 0
 * @param neighbours        k for SecAgg+: even and >= 2, or 0 for the default 2 * ceil(1.5 * log2 n); ignored
 *                          for SecAgg
 * @param security          SEMI_HONEST or ACTIVE (signed keys with a test PKI and the consistency check)
 */
public record SecAggConfig(
        Mode mode,
        double threshold,
        int modulusBits,
        long quantizationRange,
        double clippingRange,
        int neighbours,
        SecurityMode security) {

    /** Which neighbour graph the protocol uses. */
    public enum Mode {
        SECAGG,
        SECAGG_PLUS
    }

    /** Flower's SecAgg+ defaults: modulus 2^32, quantisation range 2^22, clipping range 8; t = 2/3. */
    public static final double DEFAULT_THRESHOLD = 2.0 / 3.0;

    /** The semi-honest mode. */
    public SecAggConfig(
            Mode mode,
            double threshold,
            int modulusBits,
            long quantizationRange,
            double clippingRange,
            int neighbours) {
        this(mode, threshold, modulusBits, quantizationRange, clippingRange, neighbours, SecurityMode.SEMI_HONEST);
    }

    public SecAggConfig {
        if (security == null) {
            throw new IllegalArgumentException("security must be SEMI_HONEST or ACTIVE, got null");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must be SECAGG or SECAGG_PLUS, got null");
        }
        if (!(threshold > 0.5 && threshold <= 1.0)) {
            throw new IllegalArgumentException(
                    "threshold must be in (0.5, 1] (fraction of the share-holder " + "group), got " + threshold);
        }
        if (modulusBits < 2 || modulusBits > 32) {
            throw new IllegalArgumentException("modulusBits must be in [2, 32], got " + modulusBits);
        }
        if (quantizationRange < 2 || quantizationRange > (1L << 31)) {
            throw new IllegalArgumentException("quantizationRange must be in [2, 2^31], got " + quantizationRange);
        }
        if (!(clippingRange > 0) || Double.isInfinite(clippingRange)) {
            throw new IllegalArgumentException("clippingRange must be finite and > 0, got " + clippingRange);
        }
        if (neighbours != 0 && (neighbours < 2 || neighbours % 2 != 0)) {
            throw new IllegalArgumentException("neighbours must be 0 (automatic) or even and >= 2, got " + neighbours);
        }
    }

    public static SecAggConfig defaults(Mode mode) {
        return new SecAggConfig(mode, DEFAULT_THRESHOLD, 32, 1L << 22, 8.0, 0);
    }

    public SecAggConfig withThreshold(double t) {
        return new SecAggConfig(mode, t, modulusBits, quantizationRange, clippingRange, neighbours, security);
    }

    public SecAggConfig withModulusBits(int b) {
        return new SecAggConfig(mode, threshold, b, quantizationRange, clippingRange, neighbours, security);
    }

    public SecAggConfig withQuantizationRange(long r) {
        return new SecAggConfig(mode, threshold, modulusBits, r, clippingRange, neighbours, security);
    }

    public SecAggConfig withNeighbours(int k) {
        return new SecAggConfig(mode, threshold, modulusBits, quantizationRange, clippingRange, k, security);
    }

    public SecAggConfig withSecurity(SecurityMode s) {
        return new SecAggConfig(mode, threshold, modulusBits, quantizationRange, clippingRange, neighbours, s);
    }

    /** The neighbour graph for n clients; {@code random} is public randomness for SecAgg+. */
    public NeighbourGraph graph(int n, SplittableRandom random) {
        if (mode == Mode.SECAGG) {
            return NeighbourGraph.complete(n);
        }
        int k = neighbours == 0 ? NeighbourGraph.defaultDegree(n) : neighbours;
        return NeighbourGraph.circulant(n, Math.min(k, n - 1 + (n - 1) % 2), random);
    }

    /** t for a share-holder group of the given size, at least 1. */
    public int thresholdFor(int groupSize) {
        return Math.max(1, Math.min(groupSize, (int) Math.ceil(threshold * groupSize - 1e-9)));
    }

    /** Bits needed to hold the sum of n quantised values in [0, R) without wrapping: ceil(log2(n (R - 1) + 1)). */
    public int requiredBits(int n) {
        long max = n * (quantizationRange - 1);
        return 64 - Long.numberOfLeadingZeros(max);
    }

    /** Throws if the modulus 2^b is too small for the sum of n quantised updates. */
    public void checkCapacity(int n) {
        if (requiredBits(n) > modulusBits) {
            throw new IllegalArgumentException("modulusBits = " + modulusBits + " is too small for " + n
                    + " clients with quantizationRange " + quantizationRange + ": the sum needs " + requiredBits(n)
                    + " bits; lower quantizationRange or raise modulusBits (at most 32)");
        }
    }
}
