package org.leakbench.defense.compress;

/**
 * Options of stochastic uniform quantisation.
 *
 * @param bits bits per entry, in [1, 16]: each tensor's range is cut into 2^bits − 1 equal steps
 */
public record QuantizationOptions(int bits) {
    public QuantizationOptions {
        if (bits < 1 || bits > 16) {
            throw new IllegalArgumentException("quantization.bits must be in [1, 16], got " + bits);
        }
    }

    public int levels() {
        return (1 << bits) - 1;
    }
}
