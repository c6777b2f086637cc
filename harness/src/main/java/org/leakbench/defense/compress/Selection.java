package org.leakbench.defense.compress;

import java.util.SplittableRandom;

/** Magnitude selection shared by top-k and pruning: exact counts, ties broken by index. */
final class Selection {
    private Selection() {}

    /**
     * A mask of the {@code k} entries of {@code v} with the largest |value|; among equal magnitudes the
     * lower index wins. Expected O(n) by quickselect.
     */
    static boolean[] largest(float[] v, int from, int length, int k) {
        boolean[] keep = new boolean[length];
        if (k <= 0) {
            return keep;
        }
        if (k >= length) {
            java.util.Arrays.fill(keep, true);
            return keep;
        }
        float[] a = new float[length];
        for (int i = 0; i < length; i++) {
            a[i] = Math.abs(v[from + i]);
        }
        float t = select(a, length - k);
        int greater = 0;
        for (int i = 0; i < length; i++) {
            if (Math.abs(v[from + i]) > t) {
                greater++;
            }
        }
        int ties = k - greater;
        for (int i = 0; i < length; i++) {
            float m = Math.abs(v[from + i]);
            if (m > t) {
                keep[i] = true;
            } else if (m == t && ties > 0) {
                keep[i] = true;
                ties--;
            }
        }
        return keep;
    }

    /**
     * The value that would be at position {@code rank} if {@code a} were sorted ascending. Reorders
     * {@code a}. Three-way partitioning keeps runs of equal values (many zeros) linear; the pivot stream
     * is seeded by the length so the work is deterministic.
     */
    static float select(float[] a, int rank) {
        SplittableRandom pivots = new SplittableRandom(a.length);
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            float p = a[lo + pivots.nextInt(hi - lo + 1)];
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                if (a[i] < p) {
                    swap(a, lt++, i++);
                } else if (a[i] > p) {
                    swap(a, i, gt--);
                } else {
                    i++;
                }
            }
            if (rank < lt) {
                hi = lt - 1;
            } else if (rank > gt) {
                lo = gt + 1;
            } else {
                return p;
            }
        }
        return a[rank];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** ⌈fraction · n⌉, at least 1 and at most n. */
    static int keepCount(double fraction, int n) {
        long k = (long) Math.ceil(fraction * n - 1e-9);
        return (int) Math.max(1, Math.min(n, k));
    }
}
