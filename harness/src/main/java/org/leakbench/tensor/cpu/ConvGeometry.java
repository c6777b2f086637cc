package org.leakbench.tensor.cpu;

import org.leakbench.tensor.Conv2dSpec;

/**
 * The sizes of one 2-D convolution (NCHW input [n, c, h, w], filter [k, c, kh, kw], output [n, k, oh, ow],
 * stride s, padding p), shared by the scalar and the SIMD kernels. Patch row r = (c·kh + i)·kw + j, patch
 * column l = b·oh·ow + y·ow + x for image b.
 */
record ConvGeometry(int n, int c, int h, int w, int k, int kh, int kw, int oh, int ow, int s, int p) {
    static ConvGeometry of(int[] xs, int[] ws, int[] ys, Conv2dSpec spec) {
        return new ConvGeometry(
                xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], ys[2], ys[3], spec.stride(), spec.padding());
    }

    /** Patch length: one row of the patch matrix per filter tap. */
    int rows() {
        return c * kh * kw;
    }

    /** Output pixels per image. */
    int cols() {
        return oh * ow;
    }

    /** First output column whose tap j lands inside the input row: 0 <= ox·s + j − p. */
    int firstInside(int j) {
        int need = p - j;
        return need <= 0 ? 0 : (need + s - 1) / s;
    }

    /** Last output column whose tap j lands inside the input row: ox·s + j − p < w. */
    int lastInside(int j) {
        return Math.min(ow - 1, Math.floorDiv(w - 1 + p - j, s));
    }
}
