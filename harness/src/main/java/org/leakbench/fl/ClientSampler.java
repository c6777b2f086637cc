package org.leakbench.fl;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Draws the clients of each round: k of N without replacement, returned in ascending id order. */
final class ClientSampler {
    private ClientSampler() {}

    static int[] sample(int clients, int k, SplittableRandom rng) {
        int[] pool = new int[clients];
        for (int i = 0; i < clients; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(clients - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, k);
        Arrays.sort(out);
        return out;
    }
}
