package org.leakbench.attack.property;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws batches of row indices with and without the property: a "with" batch holds k property rows and
 * batchSize − k rows without it; a "without" batch holds batchSize rows without it. Rows are drawn without
 * replacement within a batch.
 */
final class PropertyBatches {
    private final int[] withRows;
    private final int[] withoutRows;
    private final int batchSize;
    private final int k;

    PropertyBatches(boolean[] hasProperty, int batchSize, int k, String what) {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int i = 0; i < hasProperty.length; i++) {
            (hasProperty[i] ? a : b).add(i);
        }
        if (a.size() < k || b.size() < batchSize) {
            throw new IllegalArgumentException("property inference: " + what + " data has " + a.size()
                    + " rows with the property and " + b.size() + " without; need at least " + k + " and "
                    + batchSize);
        }
        this.withRows = a.stream().mapToInt(Integer::intValue).toArray();
        this.withoutRows = b.stream().mapToInt(Integer::intValue).toArray();
        this.batchSize = batchSize;
        this.k = k;
    }

    int[] with(SplittableRandom rng) {
        int[] p = sample(withRows, k, rng);
        int[] q = sample(withoutRows, batchSize - k, rng);
        int[] out = new int[batchSize];
        System.arraycopy(p, 0, out, 0, k);
        System.arraycopy(q, 0, out, k, batchSize - k);
        return out;
    }

    int[] without(SplittableRandom rng) {
        return sample(withoutRows, batchSize, rng);
    }

    /** m distinct elements of {@code from} by a partial Fisher–Yates shuffle. */
    private static int[] sample(int[] from, int m, SplittableRandom rng) {
        int[] a = from.clone();
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return java.util.Arrays.copyOf(a, m);
    }
}
