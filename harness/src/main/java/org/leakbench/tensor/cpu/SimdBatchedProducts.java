package org.leakbench.tensor.cpu;

/**
 * The Vector API side of {@link BatchedProducts} (loaded only when {@link org.leakbench.tensor.SimdSupport} is
 * enabled). {@link SimdGemm#mul} addresses A through row offsets and a column step, so a transposed or plain
 * slice of a is read in place; B and C are read and written in whole vectors, so they are used in place when n
 * is a multiple of the vector length and B is not transposed, and go through a padded scratch copy otherwise.
 */
final class SimdBatchedProducts {
    private SimdBatchedProducts() {}

    static void multiply(
            float[] a,
            boolean transposeA,
            float[] b,
            boolean transposeB,
            int batch,
            int m,
            int k,
            int n,
            float[] r,
            OpThreads threads,
            long work) {
        int np = SimdGemm.padded(n);
        boolean wholeRows = np == n;
        boolean bInPlace = wholeRows && !transposeB;
        int[] aRow = SimdGemm.dense(m, transposeA ? 1 : k);
        int at = transposeA ? m : 1;
        int[] bRow = SimdGemm.dense(k, np);
        int[] cRow = SimdGemm.dense(m, np);
        threads.split(batch, 1, work, (from, to) -> {
            float[] bf = bInPlace ? null : new float[k * np]; // padding columns stay zero
            float[] cf = wholeRows ? null : new float[m * np];
            for (int p = from; p < to; p++) {
                int bBase = p * k * n;
                if (!bInPlace) {
                    copyPadded(b, bBase, transposeB, k, n, np, bf);
                }
                if (!wholeRows) {
                    java.util.Arrays.fill(cf, 0f);
                }
                SimdGemm.mul(
                        m,
                        np,
                        k,
                        new SimdGemm.Operands(
                                a,
                                p * m * k,
                                aRow,
                                at,
                                bInPlace ? b : bf,
                                bInPlace ? bBase : 0,
                                bRow,
                                wholeRows ? r : cf,
                                wholeRows ? p * m * n : 0,
                                cRow));
                if (!wholeRows) {
                    for (int i = 0; i < m; i++) {
                        System.arraycopy(cf, i * np, r, p * m * n + i * n, n);
                    }
                }
            }
        });
    }

    /** B [k, n] of slice b[base ..] (stored [n, k] when transposed) into rows of np floats. */
    private static void copyPadded(float[] b, int base, boolean transposed, int k, int n, int np, float[] into) {
        for (int t = 0; t < k; t++) {
            if (transposed) {
                for (int j = 0; j < n; j++) {
                    into[t * np + j] = b[base + j * k + t];
                }
            } else {
                System.arraycopy(b, base + t * n, into, t * np, n);
            }
        }
    }
}
