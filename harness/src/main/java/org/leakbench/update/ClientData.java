package org.leakbench.update;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rows one client holds: indices into a shared sample array (not copied, never modified).
 *
 * @param clientId the client's id, its index in the partition
 * @param samples  all training rows (shared by every client)
 * @param labels   all training labels
 * @param indices  the rows that belong to this client
 */
public record ClientData(int clientId, float[][] samples, int[] labels, int[] indices) {
    public ClientData {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("client " + clientId + ": needs at least one row");
        }
        if (samples == null || labels == null || samples.length != labels.length) {
            throw new IllegalArgumentException("client " + clientId + ": samples and labels must have equal length");
        }
    }

    public int size() {
        return indices.length;
    }

    /** {@code k} distinct rows of this client, by a partial Fisher–Yates shuffle, in drawn order. */
    public int[] sampleRows(int k, SplittableRandom rng) {
        if (k < 0 || k > indices.length) {
            throw new IllegalArgumentException(
                    "client " + clientId + ": cannot draw " + k + " of its " + indices.length + " rows");
        }
        int[] pool = indices.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, k);
    }
}
