package org.leakbench.metric;

import java.util.Arrays;

/**
 * Scores of a reconstructed batch of token windows against the true windows. Both hold token ids stored as
 * floats, one window of {@code positions} ids per sample.
 *
 * <p>Gradient inversion returns a batch as an unordered set, so samples are matched first, as for images
 * ({@link BatchMatching}), with the Hungarian method: for the token accuracy by the fewest wrong positions, for the
 * unigram F1 by the highest F1 (as LAMP pairs its sentences by ROUGE-1 before scoring: Balunović, Dimitrov,
 * Jovanović, Vechev, LAMP: Extracting Text from Gradients with Language Model Priors, NeurIPS 2022). The unigram
 * F1 is ROUGE-1's F-measure on token ids (Lin, ROUGE, ACL Workshop 2004): the clipped overlap of the two bags of
 * tokens over the reconstruction's length (precision) and over the truth's (recall), the measure TAG (Deng et
 * al., EMNLP Findings 2021) and LAMP report; it forgives tokens recovered at the wrong place, the accuracy does
 * not. A value that is not a whole id inside the vocabulary counts as a wrong token; a reconstruction holding NaN
 * (a diverged attack) makes every score NaN rather than a low value that reads as a defense that worked.
 *
 * @param count         number of true samples
 * @param tokenAccuracy mean over true samples of the share of positions with the right id (unmatched: 0)
 * @param tokenF1       mean over true samples of the unigram F1 of the matched reconstruction (unmatched: 0)
 * @param exactFraction share of true samples recovered at every position
 * @param rouge2        mean over true samples of the ROUGE-2 F-measure ({@link Rouge}) of the reconstruction matched
 *                      to it by the highest ROUGE-2 (unmatched: 0); NaN for windows of one token
 */
public record TokenScore(int count, double tokenAccuracy, double tokenF1, double exactFraction, double rouge2) {

    /**
     * Matches {@code recon} to {@code truth} and scores the pairs.
     *
     * @param truth      true windows, each of one length, holding ids in [0, vocabulary)
     * @param recon      reconstructed windows (any number), each as long as a true window
     * @param vocabulary number of token ids
     */
    public static TokenScore of(float[][] truth, float[][] recon, int vocabulary) {
        if (truth == null || truth.length == 0) {
            throw new IllegalArgumentException("token score: the true batch is empty");
        }
        if (recon == null) {
            throw new IllegalArgumentException("token score: recon batch is null (pass an empty array)");
        }
        if (vocabulary < 1) {
            throw new IllegalArgumentException("token score: vocabulary " + vocabulary + " must be >= 1");
        }
        int positions = truth[0].length;
        int[][] t = new int[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            t[i] = ids("truth[" + i + "]", truth[i], positions, vocabulary);
            for (int k = 0; k < positions; k++) {
                if (t[i][k] < 0) {
                    throw new IllegalArgumentException("token score: truth[" + i + "][" + k + "] = " + truth[i][k]
                            + " is no token id in [0, " + vocabulary + ")");
                }
            }
        }
        int[][] r = new int[recon.length][];
        for (int j = 0; j < recon.length; j++) {
            for (float v : checkLength("recon[" + j + "]", recon[j], positions)) {
                if (Float.isNaN(v)) {
                    return new TokenScore(truth.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                }
            }
            r[j] = ids("recon[" + j + "]", recon[j], positions, vocabulary);
        }
        double[][] accuracy = new double[t.length][r.length];
        double[][] f1 = new double[t.length][r.length];
        double[][] accCost = new double[t.length][r.length];
        double[][] f1Cost = new double[t.length][r.length];
        double[][] bigram = new double[t.length][r.length];
        double[][] bigramCost = new double[t.length][r.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < r.length; j++) {
                accuracy[i][j] = positionAccuracy(t[i], r[j]);
                f1[i][j] = unigramF1(t[i], r[j]);
                accCost[i][j] = 1 - accuracy[i][j];
                f1Cost[i][j] = 1 - f1[i][j];
                bigram[i][j] = Rouge.f(t[i], r[j], 2);
                bigramCost[i][j] = Double.isNaN(bigram[i][j]) ? 1 : 1 - bigram[i][j];
            }
        }
        int[] byAccuracy = r.length == 0 ? unmatched(t.length) : Hungarian.assign(accCost);
        int[] byF1 = r.length == 0 ? unmatched(t.length) : Hungarian.assign(f1Cost);
        int[] byBigram = r.length == 0 ? unmatched(t.length) : Hungarian.assign(bigramCost);
        double accSum = 0;
        double f1Sum = 0;
        double bigramSum = 0;
        int exact = 0;
        for (int i = 0; i < t.length; i++) {
            if (byAccuracy[i] >= 0) {
                accSum += accuracy[i][byAccuracy[i]];
                exact += accuracy[i][byAccuracy[i]] == 1.0 ? 1 : 0;
            }
            if (byF1[i] >= 0) {
                f1Sum += f1[i][byF1[i]];
            }
            if (byBigram[i] >= 0) {
                bigramSum += bigram[i][byBigram[i]];
            }
        }
        int n = t.length;
        double rouge2 = positions < 2 ? Double.NaN : bigramSum / n;
        return new TokenScore(n, accSum / n, f1Sum / n, exact / (double) n, rouge2);
    }

    /** Share of positions where the two windows hold the same id. */
    static double positionAccuracy(int[] truth, int[] recon) {
        int hits = 0;
        for (int k = 0; k < truth.length; k++) {
            hits += truth[k] == recon[k] ? 1 : 0;
        }
        return hits / (double) truth.length;
    }

    /** ROUGE-1 F-measure: clipped unigram overlap, harmonic mean of precision and recall; 0 without overlap. */
    static double unigramF1(int[] truth, int[] recon) {
        return Rouge.f(truth, recon, 1);
    }

    /** The ids of a window: each value rounded to a whole id, or -1 where it is none inside the vocabulary. */
    static int[] ids(String what, float[] window, int positions, int vocabulary) {
        checkLength(what, window, positions);
        int[] out = new int[positions];
        for (int k = 0; k < positions; k++) {
            float v = window[k];
            long id = Math.round((double) v);
            out[k] = Float.isFinite(v) && Math.abs(v - id) < 1e-3 && id >= 0 && id < vocabulary ? (int) id : -1;
        }
        return out;
    }

    /**
     * Windows of ids from relaxed reconstructions [positions, vocabulary] (a probability or a score per token
     * and position): the best-scoring id at every position. A window with a NaN stays NaN.
     */
    public static float[][] decodeRelaxed(float[][] relaxed, int positions, int vocabulary) {
        float[][] out = new float[relaxed.length][];
        for (int j = 0; j < relaxed.length; j++) {
            float[] row = checkLength("relaxed[" + j + "]", relaxed[j], positions * vocabulary);
            out[j] = new float[positions];
            for (int k = 0; k < positions; k++) {
                int best = 0;
                for (int v = 0; v < vocabulary; v++) {
                    float s = row[k * vocabulary + v];
                    if (Float.isNaN(s)) {
                        best = -1;
                        break;
                    }
                    if (s > row[k * vocabulary + best]) {
                        best = v;
                    }
                }
                out[j][k] = best < 0 ? Float.NaN : best;
            }
        }
        return out;
    }

    private static float[] checkLength(String what, float[] window, int length) {
        if (window == null || window.length != length) {
            throw new IllegalArgumentException("token score: " + what + " has "
                    + (window == null ? "no values" : window.length + " values") + ", expected " + length);
        }
        return window;
    }

    private static int[] unmatched(int n) {
        int[] none = new int[n];
        Arrays.fill(none, -1);
        return none;
    }
}
