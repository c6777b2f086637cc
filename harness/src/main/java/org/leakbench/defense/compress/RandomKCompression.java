package org.leakbench.defense.compress;

import java.util.SplittableRandom;
import org.leakbench.update.Update;

/**
 * Random-k sparsification: keeps k entries chosen uniformly without replacement from the seeded stream
 * and zeroes the rest (no rescaling, so pair it with error feedback for unbiased training; Stich et al.
 * 2018). Because the indices follow from a seed, the client sends k float values and the 8-byte seed.
 */
public final class RandomKCompression extends Sparsification {
    public RandomKCompression(SparsificationOptions options) {
        super(options, "randomk");
    }

    @Override
    float[] compress(float[] flat, Update shapes, SplittableRandom rng) {
        int n = flat.length;
        int k = keepCount(n);
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        float[] out = new float[n];
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
            out[pool[i]] = flat[pool[i]];
        }
        return out;
    }

    @Override
    FeedbackCompression fresh() {
        return new RandomKCompression(options());
    }

    @Override
    public long bytesSent(Update input) {
        return 4L * keepCount(input.size()) + 8;
    }
}
