package org.leakbench.tensor;

/**
 * Window, stride and padding of a 2-D pooling over NCHW input (square windows, the same in both directions).
 * Padding counts as absent for max pooling and as zeros for average pooling, as in PyTorch's defaults.
 */
public record Pool2dSpec(int kernel, int stride, int padding) {
    public Pool2dSpec {
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException("pooling needs kernel >= 1, stride >= 1 and 0 <= padding <= kernel/2, "
                    + "got kernel " + kernel + ", stride " + stride + ", padding " + padding);
        }
    }

    /** Output shape for NCHW input {@code x}; throws naming the shapes when the window does not fit. */
    public int[] outputShape(int[] x) {
        if (x.length != 4) {
            throw new IllegalArgumentException("pool2d needs NCHW input, got " + Shape.str(x));
        }
        int oh = Shape.convOut(x[2], kernel, stride, padding);
        int ow = Shape.convOut(x[3], kernel, stride, padding);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException("pool2d window " + kernel + " does not fit input " + Shape.str(x));
        }
        return new int[] {x[0], x[1], oh, ow};
    }
}
