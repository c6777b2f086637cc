package org.leakbench.tensor;

/**
 * Maps each flat index of a broadcast result to the flat index of an operand that was stretched to it.
 * Shared by the backends' element-wise ops, {@code sumTo} and {@code broadcastTo}.
 */
final class BroadcastMap {
    private BroadcastMap() {
    }

    /** Source index for every element of {@code big}; {@code small} must broadcast to {@code big}. */
    static int[] indices(int[] small, int[] big) {
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

    /** True when {@code small}, without leading ones, equals the trailing part of {@code big}. */
    static boolean isSuffix(int[] small, int[] big) {
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
