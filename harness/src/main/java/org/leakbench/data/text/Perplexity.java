package org.leakbench.data.text;

/**
 * Perplexity of a language model on held-out text: {@code exp} of the mean cross-entropy, in nats, of
 * predicting each next token (Jelinek, Mercer, Bahl, Baker, Perplexity - a measure of the difficulty of speech
 * recognition tasks, JASA 1977). A model that guesses uniformly over {@code V} tokens has perplexity {@code V}.
 */
public final class Perplexity {
    private Perplexity() {}

    /** The perplexity of a mean natural-log cross-entropy {@code meanNats} (>= 0, finite). */
    public static double fromMeanLoss(double meanNats) {
        if (!(meanNats >= 0) || Double.isInfinite(meanNats)) {
            throw new IllegalArgumentException(
                    "mean cross-entropy must be a finite number of nats >= 0, got " + meanNats);
        }
        return Math.exp(meanNats);
    }

    /** The perplexity of a mean cross-entropy measured in bits per token ({@code 2^bits}). */
    public static double fromMeanBits(double meanBits) {
        return fromMeanLoss(meanBits * Math.log(2));
    }
}
