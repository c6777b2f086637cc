package org.leakbench.attack.audit;

/**
 * The guessing bound of one-run auditing (Steinke, Nasr, Jagielski 2023, "Privacy Auditing with One (1) Training
 * Run", NeurIPS): m canaries each included independently with probability 1/2, an auditor who guesses r of them
 * (abstaining on the rest) and is right v times. Against an ε-DP mechanism the correct guesses are dominated by
 * Bin(r, p) with p = e^ε / (1 + e^ε), the accuracy of ε-randomised response; for δ &gt; 0 their theorem adds
 * 2mδ · max_{1≤i≤v} P[v − i ≤ Bin(r, p) &lt; v] / i. The p-value of v under (ε, δ) is that sum; ε̂ at confidence
 * 1 − β is the largest ε whose p-value is below β.
 */
public final class OneRunBound {
    private static final double MAX_EPSILON = 100;

    private OneRunBound() {}

    /** P[v or more correct of r guesses] for an (ε, δ)-DP mechanism on m canaries, at most 1. */
    public static double pValue(int m, int r, int v, double epsilon, double delta) {
        check(m, r, v);
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("one-run bound: epsilon must be >= 0, got " + epsilon);
        }
        AuditChecks.delta(delta);
        double p = 1 / (1 + Math.exp(-epsilon));
        double tail = BinomialTail.atLeast(v, r, p);
        if (delta == 0 || v == 0) {
            return Math.min(1, tail);
        }
        double below = 0; // P[v − i ≤ X < v]
        double worst = 0;
        for (int i = 1; i <= v; i++) {
            below += Math.exp(BinomialTail.logPmf(v - i, r, p));
            worst = Math.max(worst, below / i);
        }
        return Math.min(1, tail + 2.0 * m * delta * worst);
    }

    /** The largest ε whose p-value for v of r is below {@code beta} (0 if even ε = 0 is not rejected). */
    public static double epsilon(int m, int r, int v, double beta, double delta) {
        check(m, r, v);
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("one-run bound: level must be in (0, 1), got " + beta);
        }
        if (pValue(m, r, v, 0, delta) >= beta) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (pValue(m, r, v, hi, delta) < beta) {
            lo = hi;
            hi *= 2;
            if (hi > MAX_EPSILON) {
                return lo; // every guess right and many of them: ε̂ beyond what doubles resolve
            }
        }
        for (int i = 0; i < 60; i++) { // p-value grows with ε
            double mid = 0.5 * (lo + hi);
            if (pValue(m, r, v, mid, delta) < beta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void check(int m, int r, int v) {
        if (v < 0 || r < v || m < r) {
            throw new IllegalArgumentException(
                    "one-run bound: need 0 <= correct <= guesses <= canaries, got " + v + ", " + r + ", " + m);
        }
    }
}
