package org.leakbench.tensor.cpu;

import org.leakbench.tensor.MatmulShape;

/**
 * Float32 batched products r[p] = op(a[p])·op(b[p]) of rank-3 operands [B, m, k] and [B, k, n]: attention's
 * scores and weighted values, one small product per sample and head (32 × 16 × 32 in the benchmark
 * transformer). On the Vector API each product runs the register-tiled kernel of {@link SimdGemm} straight on
 * its slice of the operands; otherwise each slice is copied out and multiplied by the scalar kernels. Threads
 * take whole products, so every value is computed as on one thread.
 */
final class BatchedProducts {
    private BatchedProducts() {}

    /**
     * r (zeros, [batch, m, n]) receives op(a[p])·op(b[p]) for every p: on {@link SimdGemm} when {@code simd}
     * (which needs the Vector API), else slice by slice through {@code kernels}.
     */
    static void multiply(
            Kernels kernels,
            boolean simd,
            float[] a,
            boolean transposeA,
            float[] b,
            boolean transposeB,
            int batch,
            int m,
            int k,
            int n,
            float[] r,
            OpThreads threads) {
        long work = (long) batch * m * k * n;
        if (simd) {
            SimdBatchedProducts.multiply(a, transposeA, b, transposeB, batch, m, k, n, r, threads, work);
            return;
        }
        MatmulShape s = new MatmulShape(m, k, n);
        threads.split(batch, 1, work, (from, to) -> {
            float[] as = new float[m * k];
            float[] bs = new float[k * n];
            float[] rs = new float[m * n];
            for (int p = from; p < to; p++) {
                System.arraycopy(a, p * m * k, as, 0, m * k);
                System.arraycopy(b, p * k * n, bs, 0, k * n);
                kernels.matmul(as, transposeA, bs, transposeB, s, rs, threads);
                System.arraycopy(rs, 0, r, p * m * n, m * n);
            }
        });
    }
}
