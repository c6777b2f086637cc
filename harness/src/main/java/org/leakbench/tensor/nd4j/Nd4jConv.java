package org.leakbench.tensor.nd4j;

import org.leakbench.tensor.Conv2dSpec;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three linear maps of a 2-D convolution (NCHW, cross-correlation) as im2col plus one batched matrix
 * product. im2col lays the patches of a batch out as [N, C*kh*kw, oh*ow], one patch matrix P_n per image,
 * and the NCHW output is [N, K, oh*ow]; with the filter W [K, C*kh*kw] seen as [N, K, C*kh*kw] through a
 * zero batch stride (no copy): Y_n = W P_n, input adjoint = col2im(W^T G_n), filter adjoint = Σ_n G_n P_n^T.
 * Nothing is permuted: with one product over [C*kh*kw, N*oh*ow] the strided 6-D copies in and out of that
 * layout took most of a LeNet gradient at batch 32, and ND4J's own conv2d and conv2d_bp ops measured 20 and
 * 100 times slower than this. Patch matrices live in {@link Nd4jScratch}. Shapes are checked by the caller
 * before anything reaches ND4J.
 */
final class Nd4jConv {
    private Nd4jConv() {}

    static INDArray forward(INDArray x, INDArray w, int[] ys, Conv2dSpec spec) {
        long[] ws = w.shape();
        long n = ys[0];
        long j = ws[1] * ws[2] * ws[3];
        long p = (long) ys[2] * ys[3];
        INDArray y = Nd4j.createUninitialized(x.dataType(), n, ys[1], ys[2], ys[3]);
        try (MemoryWorkspace scratch = Nd4jScratch.open()) {
            INDArray patches = patches(x, ws, ys, spec).reshape('c', n, j, p);
            Nd4j.matmul(perImage(w, n, ws[0], j), patches, y.reshape('c', n, ws[0], p), false, false, false);
        }
        return y;
    }

    static INDArray inputAdjoint(INDArray g, INDArray w, int[] xs, Conv2dSpec spec) {
        long[] ws = w.shape();
        long[] gs = g.shape();
        long j = ws[1] * ws[2] * ws[3];
        long p = gs[2] * gs[3];
        INDArray out = Nd4j.zeros(g.dataType(), xs[0], xs[1], xs[2], xs[3]);
        try (MemoryWorkspace scratch = Nd4jScratch.open()) {
            // [N, C, kh, kw, oh, ow], the layout col2im reads
            INDArray cols = Nd4j.createUninitialized(g.dataType(), gs[0], ws[1], ws[2], ws[3], gs[2], gs[3]);
            INDArray g3 = compact(g).reshape('c', gs[0], ws[0], p);
            Nd4j.matmul(perImage(w, gs[0], ws[0], j), g3, cols.reshape('c', gs[0], j, p), true, false, false);
            int s = spec.stride();
            int pad = spec.padding();
            // col2im's "kernel" arguments are the image height and width it writes back to.
            Convolution.col2im(cols, out, s, s, pad, pad, xs[2], xs[3], 1, 1);
        }
        return out;
    }

    static INDArray filterAdjoint(INDArray x, INDArray g, int[] ws, Conv2dSpec spec) {
        long[] gs = g.shape();
        int[] ys = {(int) gs[0], (int) gs[1], (int) gs[2], (int) gs[3]};
        long[] wl = {ws[0], ws[1], ws[2], ws[3]};
        long n = gs[0];
        long j = wl[1] * wl[2] * wl[3];
        long p = gs[2] * gs[3];
        INDArray gw = Nd4j.createUninitialized(g.dataType(), wl);
        INDArray gw2 = gw.reshape('c', wl[0], j);
        try (MemoryWorkspace scratch = Nd4jScratch.open()) {
            INDArray patches = patches(x, wl, ys, spec).reshape('c', n, j, p);
            INDArray g3 = compact(g).reshape('c', n, wl[0], p);
            if (n == 1) {
                Nd4j.gemm(g3.reshape('c', wl[0], p), patches.reshape('c', j, p), gw2, false, true, 1, 0);
            } else { // one product per image, then their sum
                INDArray each = Nd4j.createUninitialized(g.dataType(), n, wl[0], j);
                Nd4j.matmul(g3, patches, each, false, true, false);
                each.sum(gw2, 0);
            }
        }
        return gw;
    }

    /** The patches of x as [N, C, kh, kw, oh, ow], in the scratch workspace. */
    private static INDArray patches(INDArray x, long[] ws, int[] ys, Conv2dSpec spec) {
        int kh = (int) ws[2];
        int kw = (int) ws[3];
        INDArray col = Nd4j.createUninitialized(x.dataType(), x.size(0), x.size(1), kh, kw, ys[2], ys[3]);
        int s = spec.stride();
        int p = spec.padding();
        Convolution.im2col(compact(x), kh, kw, s, s, p, p, 1, 1, false, col);
        return col;
    }

    /** The filter as [n, K, C*kh*kw]: the same matrix for every image, through a zero batch stride. */
    private static INDArray perImage(INDArray w, long n, long k, long j) {
        // A view's offset is kept in different places across ND4J versions; a copy of its own has none.
        INDArray wc = w.isView() ? w.dup('c') : compact(w);
        return Nd4j.create(wc.data(), new long[] {n, k, j}, new long[] {0, j, 1}, 0, 'c', wc.dataType());
    }

    /** a itself when its elements are one row-major run, else a row-major copy. */
    private static INDArray compact(INDArray a) {
        return a.ordering() == 'c' && a.elementWiseStride() == 1 ? a : a.dup('c');
    }
}
