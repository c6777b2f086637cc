package org.leakbench.data.text;

import java.util.Map;
import org.leakbench.data.Dataset;

/**
 * Cuts a sequence of token ids into next-token samples: the sample at start {@code s} holds the ids
 * {@code s .. s+T-1} (as floats, shape {@code [T]}) and its label is id {@code s+T}, the token to predict.
 * Starts advance by the stride, widened when needed so that one sequence gives at most {@link #MAX_WINDOWS}
 * samples (the float copies of a long text at stride 1 would not fit in memory).
 */
public final class TokenWindows {
    /** Most samples cut from one sequence: 100,000 windows of T = 32 are 12.8 MB of floats. */
    public static final int MAX_WINDOWS = 100_000;

    private TokenWindows() {}

    /** Tokens needed for one sample: the context and the token after it. */
    public static int minimumTokens(int context) {
        return context + 1;
    }

    /** The stride actually used for {@code tokens} ids: {@code stride}, widened to keep at most the cap. */
    public static int strideFor(int tokens, int context, int stride) {
        int starts = Math.max(0, tokens - context);
        int widened = (int) Math.ceil(starts / (double) MAX_WINDOWS);
        return Math.max(stride, widened);
    }

    /** Number of samples {@link #of} cuts from {@code tokens} ids. */
    public static int count(int tokens, int context, int stride) {
        int starts = Math.max(0, tokens - context);
        int step = strideFor(tokens, context, stride);
        return (starts + step - 1) / step;
    }

    /** The samples of {@code ids}; {@code vocabulary} gives the class names, one per token id. */
    public static Dataset of(
            String name, int[] ids, int context, int stride, Tokenizer vocabulary, Map<String, String> fileSha256) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride is " + stride + ", must be >= 1");
        }
        int step = strideFor(ids.length, context, stride);
        int n = count(ids.length, context, stride);
        float[][] samples = new float[n][context];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int start = i * step;
            for (int t = 0; t < context; t++) {
                samples[i][t] = ids[start + t];
            }
            labels[i] = ids[start + context];
        }
        return new Dataset(
                name,
                new int[] {context},
                samples,
                labels,
                vocabulary.vocabularySize(),
                vocabulary.tokens(),
                fileSha256);
    }
}
