package org.leakbench.tensor.nd4j;

import org.leakbench.tensor.Conv2dSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three linear maps of a 2-D convolution (NCHW, cross-correlation) as im2col plus one matrix
 * product each. With the patch matrix P [C*kh*kw, N*oh*ow] and the filter as W [K, C*kh*kw]:
 * output = W P, input adjoint = col2im(W^T G), filter adjoint = G P^T, where G is the output-shaped
 * gradient laid out as [K, N*oh*ow]. Shapes are checked by the caller before anything reaches ND4J.
 */
final class Nd4jConv {
    private Nd4jConv() {}

    static INDArray forward(INDArray x, INDArray w, int[] ys, Conv2dSpec spec) {
        long[] ws = w.shape();
        INDArray patches = patchMatrix(x, ws, ys, spec);
        INDArray w2 = w.reshape('c', ws[0], ws[1] * ws[2] * ws[3]);
        INDArray y2 = Nd4j.gemm(w2, patches, false, false); // [K, N*oh*ow]
        if (ys[0] == 1) { // one image: [K, oh*ow] already is the NCHW layout
            return y2.reshape('c', ys[0], ys[1], ys[2], ys[3]);
        }
        return y2.reshape('c', ys[1], ys[0], ys[2], ys[3]).permute(1, 0, 2, 3).dup('c');
    }

    static INDArray inputAdjoint(INDArray g, INDArray w, int[] xs, Conv2dSpec spec) {
        long[] ws = w.shape();
        long[] gs = g.shape();
        INDArray w2 = w.reshape('c', ws[0], ws[1] * ws[2] * ws[3]);
        INDArray cols = Nd4j.gemm(w2, channelsFirst(g), true, false); // [C*kh*kw, N*oh*ow]
        // [N, C, kh, kw, oh, ow], the layout col2im reads
        INDArray col6 = gs[0] == 1
                ? cols.reshape('c', 1, ws[1], ws[2], ws[3], gs[2], gs[3])
                : cols.reshape('c', ws[1], ws[2], ws[3], gs[0], gs[2], gs[3])
                        .permute(3, 0, 1, 2, 4, 5)
                        .dup('c');
        INDArray out = Nd4j.zeros(g.dataType(), xs[0], xs[1], xs[2], xs[3]);
        int s = spec.stride();
        int p = spec.padding();
        // col2im's "kernel" arguments are the image height and width it writes back to.
        Convolution.col2im(col6, out, s, s, p, p, xs[2], xs[3], 1, 1);
        return out;
    }

    static INDArray filterAdjoint(INDArray x, INDArray g, int[] ws, Conv2dSpec spec) {
        long[] gs = g.shape();
        int[] ys = {(int) gs[0], (int) gs[1], (int) gs[2], (int) gs[3]};
        long[] wl = {ws[0], ws[1], ws[2], ws[3]};
        INDArray patches = patchMatrix(x, wl, ys, spec);
        INDArray gw = Nd4j.gemm(channelsFirst(g), patches, false, true); // [K, C*kh*kw]
        return gw.reshape('c', wl);
    }

    /** The patches of x as a matrix [C*kh*kw, N*oh*ow]. */
    private static INDArray patchMatrix(INDArray x, long[] ws, int[] ys, Conv2dSpec spec) {
        long n = x.size(0);
        long c = x.size(1);
        int kh = (int) ws[2];
        int kw = (int) ws[3];
        DataType dt = x.dataType();
        INDArray col = Nd4j.createUninitialized(dt, n, c, kh, kw, ys[2], ys[3]);
        int s = spec.stride();
        int p = spec.padding();
        Convolution.im2col(x, kh, kw, s, s, p, p, 1, 1, false, col);
        if (n == 1) { // [1, C, kh, kw, oh, ow] is already the patch matrix in row-major order
            return col.reshape('c', c * kh * kw, (long) ys[2] * ys[3]);
        }
        return col.permute(1, 2, 3, 0, 4, 5).dup('c').reshape('c', c * kh * kw, n * ys[2] * ys[3]);
    }

    /** An NCHW-shaped gradient [N, K, oh, ow] as a matrix [K, N*oh*ow]. */
    private static INDArray channelsFirst(INDArray g) {
        long[] gs = g.shape();
        if (gs[0] == 1) {
            return g.reshape('c', gs[1], gs[2] * gs[3]);
        }
        return g.permute(1, 0, 2, 3).dup('c').reshape('c', gs[1], gs[0] * gs[2] * gs[3]);
    }
}
