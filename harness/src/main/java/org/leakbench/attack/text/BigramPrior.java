package org.leakbench.attack.text;

/**
 * A bigram language model over token ids with add-k smoothing, the stand-in for the GPT-2 prior of LAMP
 * (Balunović et al. 2022): the attacker fits it on public text of the victim's language, here the training part
 * of the data set (the victims are drawn from the test part). It scores a window by its mean negative
 * log-likelihood per token, the logarithm of its perplexity, which LAMP adds to the gradient distance when it
 * ranks reorderings.
 */
public final class BigramPrior {
    /** Pseudo-count added to every bigram and unigram. */
    static final double SMOOTHING = 0.1;

    private final int vocabulary;
    private final double[] logFirst;
    private final double[][] logNext;

    private BigramPrior(int vocabulary, double[] logFirst, double[][] logNext) {
        this.vocabulary = vocabulary;
        this.logFirst = logFirst;
        this.logNext = logNext;
    }

    /**
     * Fits the prior on token windows and the token that follows each: every consecutive pair in a window and
     * (last token, label) counts once.
     */
    public static BigramPrior fit(int vocabulary, float[][] windows, int[] nextTokens) {
        if (vocabulary < 1) {
            throw new IllegalArgumentException("bigram prior: vocabulary " + vocabulary + " must be >= 1");
        }
        if (nextTokens != null && nextTokens.length != windows.length) {
            throw new IllegalArgumentException(
                    "bigram prior: " + nextTokens.length + " next tokens for " + windows.length + " windows");
        }
        double[] unigram = new double[vocabulary];
        double[][] pairs = new double[vocabulary][vocabulary];
        for (int w = 0; w < windows.length; w++) {
            int previous = -1;
            int length = windows[w].length + (nextTokens == null ? 0 : 1);
            for (int t = 0; t < length; t++) {
                int id = t < windows[w].length ? (int) windows[w][t] : nextTokens[w];
                if (id < 0 || id >= vocabulary || (t < windows[w].length && id != windows[w][t])) {
                    throw new IllegalArgumentException("bigram prior: window " + w + " position " + t
                            + " holds " + (t < windows[w].length ? windows[w][t] : id)
                            + ", no token id in [0, " + vocabulary + ")");
                }
                unigram[id]++;
                if (previous >= 0) {
                    pairs[previous][id]++;
                }
                previous = id;
            }
        }
        return new BigramPrior(vocabulary, logNormalised(unigram), logRows(pairs));
    }

    private static double[][] logRows(double[][] counts) {
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            out[i] = logNormalised(counts[i]);
        }
        return out;
    }

    private static double[] logNormalised(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c + SMOOTHING;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = Math.log((counts[i] + SMOOTHING) / total);
        }
        return out;
    }

    /** The mean negative log-likelihood per token of a window (nats): log of its perplexity under the prior. */
    public double meanNll(int[] window) {
        double nll = 0;
        for (int t = 0; t < window.length; t++) {
            int id = window[t];
            if (id < 0 || id >= vocabulary) {
                throw new IllegalArgumentException(
                        "bigram prior: token " + id + " at position " + t + " outside [0, " + vocabulary + ")");
            }
            nll -= t == 0 ? logFirst[id] : logNext[window[t - 1]][id];
        }
        return nll / window.length;
    }

    public int vocabulary() {
        return vocabulary;
    }
}
