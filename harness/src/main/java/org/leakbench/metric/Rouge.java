package org.leakbench.metric;

import java.util.HashMap;
import java.util.Map;

/**
 * ROUGE-N F-measure of one reconstructed token window against the true one (Lin, ROUGE: A Package for Automatic
 * Evaluation of Summaries, ACL Workshop 2004): the clipped overlap of the two multisets of n-grams, over the
 * reconstruction's n-gram count (precision) and the truth's (recall), combined by their harmonic mean. An id
 * below 0 (a value that is no token) matches nothing, and neither does an n-gram holding one. Text attacks
 * report ROUGE-1 and ROUGE-2 (Balunović et al., LAMP, 2022; Petrov et al., DAGER, 2024); ROUGE-2 also rewards
 * the order of the tokens, which ROUGE-1 ignores.
 */
public final class Rouge {
    private Rouge() {}

    /**
     * The ROUGE-{@code n} F-measure, 0 without overlap, NaN when a window is shorter than n (it has no n-gram).
     *
     * @param n the n-gram length, >= 1
     */
    public static double f(int[] truth, int[] recon, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("rouge: n-gram length " + n + " must be >= 1");
        }
        int truthGrams = truth.length - n + 1;
        int reconGrams = recon.length - n + 1;
        if (truthGrams < 1 || reconGrams < 1) {
            return Double.NaN;
        }
        Map<String, Integer> left = new HashMap<>();
        for (int i = 0; i < truthGrams; i++) {
            left.merge(gram(truth, i, n), 1, Integer::sum);
        }
        int overlap = 0;
        for (int i = 0; i < reconGrams; i++) {
            if (hasNoToken(recon, i, n)) {
                continue;
            }
            String g = gram(recon, i, n);
            Integer c = left.get(g);
            if (c != null && c > 0) {
                overlap++;
                left.put(g, c - 1);
            }
        }
        if (overlap == 0) {
            return 0;
        }
        double precision = overlap / (double) reconGrams;
        double recall = overlap / (double) truthGrams;
        return 2 * precision * recall / (precision + recall);
    }

    private static boolean hasNoToken(int[] ids, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (ids[k] < 0) {
                return true;
            }
        }
        return false;
    }

    private static String gram(int[] ids, int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < from + n; k++) {
            sb.append(ids[k]).append(',');
        }
        return sb.toString();
    }
}
