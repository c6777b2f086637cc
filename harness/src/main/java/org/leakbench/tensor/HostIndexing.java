package org.leakbench.tensor;

/**
 * Host-array implementations of the index-based operations of {@link Backend}: gathers, scatter-adds, max-pooling
 * arg-maxima and batched matrix products. Both backends use them unless they override the operation; they copy the
 * operands to Java arrays, which costs a copy on ND4J but keeps one definition of the semantics.
 */
final class HostIndexing {
    private HostIndexing() {}

    static Tensor gather(Backend be, Tensor a, int[] index, int[] shape) {
        if (index.length != Shape.size(shape)) {
            throw new IllegalArgumentException(
                    "gather: " + index.length + " indices do not fill shape " + Shape.str(shape));
        }
        int n = a.size();
        if (a.dtype() == DType.F32) {
            float[] src = a.toFloatArray();
            float[] out = new float[index.length];
            for (int i = 0; i < index.length; i++) {
                out[i] = src[checked(index[i], n, "gather")];
            }
            return be.fromFloats(out, shape);
        }
        double[] src = a.toDoubleArray();
        double[] out = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            out[i] = src[checked(index[i], n, "gather")];
        }
        return be.fromArray(out, a.dtype(), shape);
    }

    static Tensor scatterAdd(Backend be, Tensor g, int[] index, int[] shape) {
        if (index.length != g.size()) {
            throw new IllegalArgumentException(
                    "scatterAdd: " + index.length + " indices for a gradient of shape " + Shape.str(g.shape()));
        }
        int n = Shape.size(shape);
        if (g.dtype() == DType.F32) {
            float[] src = g.toFloatArray();
            float[] out = new float[n];
            for (int i = 0; i < index.length; i++) {
                out[checked(index[i], n, "scatterAdd")] += src[i];
            }
            return be.fromFloats(out, shape);
        }
        double[] src = g.toDoubleArray();
        double[] out = new double[n];
        for (int i = 0; i < index.length; i++) {
            out[checked(index[i], n, "scatterAdd")] += src[i];
        }
        return be.fromArray(out, g.dtype(), shape);
    }

    private static int checked(int i, int n, String op) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(op + ": index " + i + " outside [0, " + n + ")");
        }
        return i;
    }

    /** Flat index into x of each window's maximum (the first one on ties); padding never wins. */
    static int[] maxPoolArgmax(Tensor x, Pool2dSpec spec) {
        int[] out = spec.outputShape(x.shape());
        int[] s = x.shape();
        int h = s[2];
        int w = s[3];
        double[] v = x.toDoubleArray();
        int[] arg = new int[Shape.size(out)];
        int k = 0;
        for (int plane = 0; plane < s[0] * s[1]; plane++) {
            int base = plane * h * w;
            for (int oy = 0; oy < out[2]; oy++) {
                for (int ox = 0; ox < out[3]; ox++) {
                    int best = -1;
                    double bestValue = Double.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < spec.kernel(); dy++) {
                        int y = oy * spec.stride() - spec.padding() + dy;
                        if (y < 0 || y >= h) {
                            continue;
                        }
                        for (int dx = 0; dx < spec.kernel(); dx++) {
                            int xx = ox * spec.stride() - spec.padding() + dx;
                            if (xx < 0 || xx >= w) {
                                continue;
                            }
                            int at = base + y * w + xx;
                            // NaN wins, so a diverged input stays visible in the output.
                            if (best < 0 || v[at] > bestValue || Double.isNaN(v[at]) && !Double.isNaN(bestValue)) {
                                best = at;
                                bestValue = v[at];
                            }
                        }
                    }
                    arg[k++] = best;
                }
            }
        }
        return arg;
    }

    static Tensor batchedMatmul(Backend be, Tensor a, Tensor b, boolean ta, boolean tb) {
        int[] as = a.shape();
        int[] bs = b.shape();
        MatmulShape slice = MatmulShape.ofBatched(as, ta, bs, tb);
        int batch = as[0];
        int m = slice.m();
        int k = slice.k();
        int n = slice.n();
        double[] x = a.toDoubleArray();
        double[] y = b.toDoubleArray();
        double[] out = new double[batch * m * n];
        int sizeA = as[1] * as[2];
        int sizeB = bs[1] * bs[2];
        for (int p = 0; p < batch; p++) {
            int oa = p * sizeA;
            int ob = p * sizeB;
            int oc = p * m * n;
            for (int i = 0; i < m; i++) {
                for (int q = 0; q < k; q++) {
                    double aiq = ta ? x[oa + q * m + i] : x[oa + i * k + q];
                    int row = oc + i * n;
                    if (tb) {
                        for (int j = 0; j < n; j++) {
                            out[row + j] += aiq * y[ob + j * k + q];
                        }
                    } else {
                        int bRow = ob + q * n;
                        for (int j = 0; j < n; j++) {
                            out[row + j] += aiq * y[bRow + j];
                        }
                    }
                }
            }
        }
        DType dtype = a.dtype() == DType.F64 || b.dtype() == DType.F64 ? DType.F64 : DType.F32;
        return be.fromArray(out, dtype, batch, m, n);
    }
}
