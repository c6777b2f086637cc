package org.leakbench.attack.text;

import java.util.SplittableRandom;

/**
 * The discrete moves of LAMP (Balunović et al. 2022) on one window of n positions, as permutations p with
 * new[t] = old[p[t]]: swap two tokens, move one token elsewhere, move a prefix to the end, or move a span
 * elsewhere. Each is drawn uniformly; a move on one position is the identity.
 */
final class Reorderings {
    private Reorderings() {}

    /** A random move of one of the four kinds. */
    static int[] random(int n, SplittableRandom rng) {
        if (n < 2) {
            return identity(n);
        }
        return switch (rng.nextInt(4)) {
            case 0 -> swap(n, rng.nextInt(n), rng.nextInt(n));
            case 1 -> moveSpan(n, rng.nextInt(n), 1, rng.nextInt(n));
            case 2 -> rotate(n, 1 + rng.nextInt(n - 1));
            default -> {
                int from = rng.nextInt(n);
                int length = 1 + rng.nextInt(n - from);
                yield moveSpan(n, from, length, rng.nextInt(n - length + 1));
            }
        };
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** Positions i and j exchanged. */
    static int[] swap(int n, int i, int j) {
        int[] p = identity(n);
        p[i] = j;
        p[j] = i;
        return p;
    }

    /** The first k positions moved behind the others. */
    static int[] rotate(int n, int k) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = (i + k) % n;
        }
        return p;
    }

    /** The span [from, from + length) taken out and put back so that it starts at {@code to} of the result. */
    static int[] moveSpan(int n, int from, int length, int to) {
        if (from < 0 || length < 1 || from + length > n || to < 0 || to + length > n) {
            throw new IllegalArgumentException("reordering: span [" + from + ", " + (from + length) + ") to " + to
                    + " does not fit " + n + " positions");
        }
        int[] rest = new int[n - length];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (i < from || i >= from + length) {
                rest[r++] = i;
            }
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            if (i < to) {
                p[i] = rest[i];
            } else if (i < to + length) {
                p[i] = from + i - to;
            } else {
                p[i] = rest[i - length];
            }
        }
        return p;
    }
}
