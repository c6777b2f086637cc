package org.leakbench.defense.compress;

import java.util.SplittableRandom;
import org.leakbench.update.Update;

/**
 * Top-k sparsification over the whole flattened update: keeps the k entries of largest magnitude (ties to
 * the lower index) and zeroes the rest, as in Deep Gradient Compression (Lin et al., ICLR 2018) without
 * its momentum correction. Sent as k (value, index) pairs of 4 + 4 bytes.
 */
public final class TopKCompression extends Sparsification {
    public TopKCompression(SparsificationOptions options) {
        super(options, "topk");
    }

    @Override
    float[] compress(float[] flat, Update shapes, SplittableRandom rng) {
        int k = keepCount(flat.length);
        boolean[] keep = Selection.largest(flat, 0, flat.length, k);
        float[] out = new float[flat.length];
        for (int i = 0; i < out.length; i++) {
            if (keep[i]) {
                out[i] = flat[i];
            }
        }
        return out;
    }

    @Override
    FeedbackCompression fresh() {
        return new TopKCompression(options());
    }

    @Override
    public long bytesSent(Update input) {
        return 8L * keepCount(input.size());
    }
}
