package org.leakbench.attack.text;

/**
 * Rounds continuous embeddings to tokens: each to the token whose embedding is closest in cosine, among the
 * tokens allowed (LAMP: those the token-embedding gradient shows to occur in the batch).
 */
final class TokenRounding {
    private final double[][] unitRows;
    private final boolean[] allowed;
    private final double entryStd;

    /**
     * @param embeddings the token-embedding table [V][d]
     * @param allowed    per token, whether a position may round to it; at least one must be
     */
    TokenRounding(double[][] embeddings, boolean[] allowed) {
        if (allowed.length != embeddings.length) {
            throw new IllegalArgumentException(
                    "token rounding: " + allowed.length + " flags for " + embeddings.length + " tokens");
        }
        int allowedCount = 0;
        for (boolean a : allowed) {
            allowedCount += a ? 1 : 0;
        }
        if (allowedCount == 0) {
            throw new IllegalArgumentException("token rounding: no token allowed");
        }
        this.allowed = allowed.clone();
        this.unitRows = new double[embeddings.length][];
        double sum = 0;
        double sumSquares = 0;
        long count = 0;
        for (int v = 0; v < embeddings.length; v++) {
            double norm = 0;
            for (double x : embeddings[v]) {
                norm += x * x;
                sum += x;
                sumSquares += x * x;
                count++;
            }
            norm = Math.sqrt(norm);
            unitRows[v] = new double[embeddings[v].length];
            for (int j = 0; j < embeddings[v].length; j++) {
                unitRows[v][j] = norm > 0 ? embeddings[v][j] / norm : 0;
            }
        }
        double mean = sum / count;
        this.entryStd = Math.sqrt(Math.max(sumSquares / count - mean * mean, 0));
    }

    /** The standard deviation of the embedding table's entries: the scale of a random start. */
    double entryStd() {
        return entryStd;
    }

    /** The tokens of window {@code b} of embeddings z [b, n, d]. */
    int[] window(double[] z, int b, int n) {
        int d = unitRows[0].length;
        int[] ids = new int[n];
        for (int t = 0; t < n; t++) {
            int off = (b * n + t) * d;
            int best = -1;
            double bestCos = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < unitRows.length; v++) {
                if (!allowed[v]) {
                    continue;
                }
                double c = 0;
                for (int j = 0; j < d; j++) {
                    c += unitRows[v][j] * z[off + j];
                }
                if (c > bestCos) {
                    bestCos = c;
                    best = v;
                }
            }
            ids[t] = best;
        }
        return ids;
    }
}
