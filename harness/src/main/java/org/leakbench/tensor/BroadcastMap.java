package org.leakbench.tensor;

/**
 * Maps each flat index of a broadcast result to the flat index of an operand that was stretched to it.
 * Shared by the backends' element-wise ops, {@code sumTo} and {@code broadcastTo}.
 */
public final class BroadcastMap {
    private BroadcastMap() {}

    /** Source index for every element of {@code big}; {@code small} must broadcast to {@code big}. */
    public static int[] indices(int[] small, int[] big) {
        int n = Shape.size(big);
        int[] map = new int[n];
        int smallSize = Shape.size(small);
        if (smallSize == n) {
            for (int i = 0; i < n; i++) {
                map[i] = i;
            }
            return map;
        }
        if (smallSize == 1) {
            return map;
        }
        int rank = big.length;
        int off = rank - small.length;
        int[] stride = new int[rank];
        int s = 1;
        for (int d = rank - 1; d >= 0; d--) {
            int sd = d < off ? 1 : small[d - off];
            stride[d] = sd == 1 ? 0 : s;
            s *= sd;
        }
        int[] idx = new int[rank];
        int src = 0;
        for (int i = 0; i < n; i++) {
            map[i] = src;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                src += stride[d];
                if (idx[d] < big[d]) {
                    break;
                }
                src -= stride[d] * idx[d];
                idx[d] = 0;
            }
        }
        return map;
    }

    /**
     * When the dimensions of {@code small} other than ones form one run that equals the same run of {@code big}
     * (a per-channel [k, 1, 1] against [n, k, h, w]), the sizes {outer, mid, inner} of big seen as
     * [outer, mid, inner] with small along mid; otherwise null. Lets the channel broadcasts of convolutions
     * run as three plain loops instead of through an index map.
     */
    public static int[] block(int[] small, int[] big) {
        int off = big.length - small.length;
        if (off < 0) {
            return null;
        }
        int first = -1;
        int last = -1;
        for (int d = 0; d < small.length; d++) {
            if (small[d] != 1) {
                if (first < 0) {
                    first = d + off;
                }
                last = d + off;
            }
        }
        if (first < 0) {
            return null;
        }
        int outer = 1;
        int mid = 1;
        int inner = 1;
        for (int d = 0; d < big.length; d++) {
            if (d < first) {
                outer *= big[d];
            } else if (d > last) {
                inner *= big[d];
            } else if (small[d - off] != big[d]) {
                return null;
            } else {
                mid *= big[d];
            }
        }
        return new int[] {outer, mid, inner};
    }

    /** How the operands of an element-wise op line up, so each element type's loops only follow the plan. */
    public enum Kind {
        /** One shape. */
        SAME,
        /** The small operand repeats every small.length elements of the big one (a bias row, a scalar). */
        SUFFIX,
        /** The small operand runs along the middle of a [outer, mid, inner] view of the big one (a channel). */
        CHANNEL,
        /** Anything else: index maps for both operands. */
        GENERAL
    }

    /**
     * The layout of a binary op on shapes a and b: the result shape, the kind, whether b is the small operand
     * (for SUFFIX and CHANNEL) and, for CHANNEL, the {@link #block} sizes.
     */
    public record Plan(int[] shape, Kind kind, boolean smallOnRight, int[] block) {
        public static Plan of(int[] a, int[] b) {
            if (java.util.Arrays.equals(a, b)) {
                return new Plan(a, Kind.SAME, false, null);
            }
            int[] shape = Shape.broadcast(a, b);
            int n = Shape.size(shape);
            boolean aBig = Shape.size(a) == n;
            boolean bBig = Shape.size(b) == n;
            if (aBig && isSuffix(b, shape)) {
                return new Plan(shape, Kind.SUFFIX, true, null);
            }
            if (bBig && isSuffix(a, shape)) {
                return new Plan(shape, Kind.SUFFIX, false, null);
            }
            int[] blockB = aBig ? BroadcastMap.block(b, shape) : null;
            if (blockB != null) {
                return new Plan(shape, Kind.CHANNEL, true, blockB);
            }
            int[] blockA = bBig ? BroadcastMap.block(a, shape) : null;
            if (blockA != null) {
                return new Plan(shape, Kind.CHANNEL, false, blockA);
            }
            return new Plan(shape, Kind.GENERAL, false, null);
        }
    }

    /** True when {@code small}, without leading ones, equals the trailing part of {@code big}. */
    public static boolean isSuffix(int[] small, int[] big) {
        int start = 0;
        while (start < small.length && small[start] == 1) {
            start++;
        }
        int len = small.length - start;
        if (len > big.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (small[start + i] != big[big.length - len + i]) {
                return false;
            }
        }
        return true;
    }
}
