package org.leakbench.attack.audit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * ε̂ from one run (Steinke, Nasr, Jagielski 2023): the canaries, each in with probability 1/2, are ranked by
 * score; the auditor guesses "in" for the k highest and "out" for the k lowest and abstains on the rest, and the
 * correct guesses bound ε through {@link OneRunBound}. Several k (a fixed share of the canaries each) are tried;
 * the level β = 1 − confidence is split evenly between them (Bonferroni), so picking the best stays valid.
 */
public final class OneRunAudit {
    /** Share of the canaries guessed at each end, as the guess counts tried. */
    private static final double[] SHARES = {0.01, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5};

    private OneRunAudit() {}

    /** ε̂ from the canaries' {@code scores} (higher = "in") and which were {@code included}. */
    public static EpsilonLowerBound estimate(double[] scores, boolean[] included, double confidence, double delta) {
        if (scores.length != included.length) {
            throw new IllegalArgumentException(
                    "one-run audit: " + scores.length + " scores but " + included.length + " inclusion flags");
        }
        int m = scores.length;
        if (m < 2) {
            throw new IllegalArgumentException("one-run audit needs at least 2 canaries, got " + m);
        }
        AuditChecks.confidence(confidence);
        AuditChecks.delta(delta);
        if (Arrays.stream(scores).anyMatch(Double::isNaN)) {
            throw new IllegalArgumentException("one-run audit: a canary score is NaN");
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int[] ks = IntStream.range(0, SHARES.length)
                .map(i -> Math.max(1, (int) Math.floor(SHARES[i] * m)))
                .filter(k -> 2 * k <= m)
                .distinct()
                .toArray();
        double beta = (1 - confidence) / ks.length;
        double best = 0;
        String detail = "one-run: no guess count rejects epsilon = 0";
        for (int k : ks) {
            int correct = 0;
            for (int j = 0; j < k; j++) {
                correct += included[order[j]] ? 1 : 0;
                correct += included[order[m - 1 - j]] ? 0 : 1;
            }
            double eps = OneRunBound.epsilon(m, 2 * k, correct, beta, delta);
            if (eps > best) {
                best = eps;
                detail = String.format(
                        Locale.ROOT,
                        "one-run: %d of %d guesses right (top and bottom %d of %d canaries), level %.3g per guess count",
                        correct,
                        2 * k,
                        k,
                        m,
                        beta);
            }
        }
        return new EpsilonLowerBound(best, confidence, delta, m, detail);
    }
}
