package org.leakbench.attack.text;

import java.util.SplittableRandom;

/** A toy language: every token is followed by one of a few fixed successors, drawn uniformly. */
final class MarkovText {
    private final int[][] successors;

    /** Windows of token ids (as floats) and the token after each. */
    record Windows(float[][] windows, int[] next) {}

    MarkovText(int vocabulary, int successorsPerToken, SplittableRandom rng) {
        successors = new int[vocabulary][successorsPerToken];
        for (int[] row : successors) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextInt(vocabulary);
            }
        }
    }

    /** {@code count} windows of {@code length} tokens, each from a uniformly drawn first token. */
    Windows windows(int count, int length, SplittableRandom rng) {
        float[][] windows = new float[count][length];
        int[] next = new int[count];
        for (int i = 0; i < count; i++) {
            int token = rng.nextInt(successors.length);
            for (int t = 0; t < length; t++) {
                windows[i][t] = token;
                token = successors[token][rng.nextInt(successors[token].length)];
            }
            next[i] = token;
        }
        return new Windows(windows, next);
    }
}
