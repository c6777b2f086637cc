package org.leakbench.tensor;

import java.util.Arrays;

/** Static helpers for shapes (int arrays, outermost dimension first, row-major layout). */
public final class Shape {
    private Shape() {}

    /** Number of elements of a shape; a scalar (empty shape) has one. */
    public static int size(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
        }
        return (int) n;
    }

    public static String str(int... shape) {
        return Arrays.toString(shape);
    }

    /** Throws, naming {@code op} and the shape, unless the shape is a matrix's (rank 2). */
    public static void requireMatrix(int[] shape, String op) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(op + " needs a matrix, got shape " + str(shape));
        }
    }

    /**
     * The shape two operands broadcast to (NumPy rules: align trailing dimensions, a dimension of 1
     * stretches). Throws naming both shapes when they are incompatible.
     */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + str(a) + " and " + str(b) + " do not broadcast");
            }
            out[i] = da == 1 ? db : da; // not max: a 1 stretches to 0 as well (NumPy)
        }
        return out;
    }

    /** True when {@code from} can be broadcast to {@code to}. */
    public static boolean broadcastsTo(int[] from, int[] to) {
        if (from.length > to.length) {
            return false;
        }
        int off = to.length - from.length;
        for (int i = 0; i < from.length; i++) {
            if (from[i] != 1 && from[i] != to[i + off]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Output side length of a convolution; below 1 when the kernel does not fit. Rounds down, also for a
     * negative span (plain integer division would round -1/2 up to 0 and accept a kernel that overhangs).
     */
    public static int convOut(int in, int kernel, int stride, int pad) {
        return Math.floorDiv(in + 2 * pad - kernel, stride) + 1;
    }
}
