package org.leakbench.tensor;

/**
 * Stride and zero padding of a 2-D convolution (same in both directions). Inputs are NCHW, filters
 * are [out channels, in channels, kernel height, kernel width].
 */
public record Conv2dSpec(int stride, int padding) {
    public Conv2dSpec {
        if (stride < 1) {
            throw new IllegalArgumentException("conv stride must be >= 1, got " + stride);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("conv padding must be >= 0, got " + padding);
        }
    }

    /** Output shape of convolving input shape {@code x} with filter shape {@code w}. */
    public int[] outputShape(int[] x, int[] w) {
        if (x.length != 4 || w.length != 4) {
            throw new IllegalArgumentException(
                    "conv2d needs NCHW input and [K,C,kh,kw] filter, got " + Shape.str(x) + " and " + Shape.str(w));
        }
        if (x[1] != w[1]) {
            throw new IllegalArgumentException(
                    "conv2d input has " + x[1] + " channels but filter " + Shape.str(w) + " expects " + w[1]);
        }
        int oh = Shape.convOut(x[2], w[2], stride, padding);
        int ow = Shape.convOut(x[3], w[3], stride, padding);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("conv2d filter " + Shape.str(w) + " does not fit input " + Shape.str(x)
                    + " with stride " + stride + " and padding " + padding);
        }
        return new int[] {x[0], w[0], oh, ow};
    }

    /**
     * Throws unless an adjoint's incoming gradient has the shape of the convolution's output: {@code op} names
     * the adjoint in the message.
     */
    public static void checkOutput(int[] expected, int[] actual, String op) {
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new IllegalArgumentException(op + ": gradient has shape " + Shape.str(actual) + " but the "
                    + "convolution output has shape " + Shape.str(expected));
        }
    }
}
