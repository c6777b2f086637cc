package org.leakbench.tensor;

/**
 * The sizes of a matrix product op(A)·op(B): A's m rows after its transpose, the inner size k both operands
 * share, and B's n columns after its transpose. Every backend checks its operands here, so a mismatch reads
 * the same whichever backend runs.
 */
public record MatmulShape(int m, int k, int n) {
    /** The sizes of op(a)·op(b), or a clear error naming both shapes when they are not matrices that fit. */
    public static MatmulShape of(int[] a, boolean transposeA, int[] b, boolean transposeB) {
        Shape.requireMatrix(a, "matmul");
        Shape.requireMatrix(b, "matmul");
        int m = transposeA ? a[1] : a[0];
        int ka = transposeA ? a[0] : a[1];
        int kb = transposeB ? b[1] : b[0];
        int n = transposeB ? b[0] : b[1];
        if (ka != kb) {
            throw new IllegalArgumentException("matmul of " + Shape.str(a) + (transposeA ? "^T" : "") + " and "
                    + Shape.str(b) + (transposeB ? "^T" : "") + ": inner sizes " + ka + " and " + kb + " differ");
        }
        return new MatmulShape(m, ka, n);
    }

    /**
     * The sizes of one slice of the batched product op(a[p])·op(b[p]) of [B, m, k] and [B, k, n] operands, or a
     * clear error naming both shapes.
     */
    public static MatmulShape ofBatched(int[] a, boolean transposeA, int[] b, boolean transposeB) {
        if (a.length != 3 || b.length != 3 || a[0] != b[0]) {
            throw new IllegalArgumentException("batchedMatmul needs [B, m, k] and [B, k, n] operands with one B, got "
                    + Shape.str(a) + " and " + Shape.str(b));
        }
        int m = transposeA ? a[2] : a[1];
        int k = transposeA ? a[1] : a[2];
        int kb = transposeB ? b[2] : b[1];
        int n = transposeB ? b[1] : b[2];
        if (k != kb) {
            throw new IllegalArgumentException("batchedMatmul: inner dimensions differ: " + Shape.str(a)
                    + (transposeA ? "ᵀ" : "") + " · " + Shape.str(b) + (transposeB ? "ᵀ" : ""));
        }
        return new MatmulShape(m, k, n);
    }

    /** The result's shape [m, n]. */
    public int[] shape() {
        return new int[] {m, n};
    }
}
