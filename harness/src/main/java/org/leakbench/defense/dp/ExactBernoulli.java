package org.leakbench.defense.dp;

import java.math.BigInteger;

/**
 * Exact Bernoulli trials with rational parameters (Canonne, Kamath, Steinke 2020, "The Discrete Gaussian for
 * Differential Privacy", Section 5.1): Bernoulli(n/d) by comparing a uniform integer below d with n, and
 * Bernoulli(exp(−γ)) for rational γ = n/d without evaluating exp. For γ ∈ [0, 1]: draw A_k ∼ Bernoulli(γ/k)
 * for k = 1, 2, … until the first failure at K; then P(K odd) = exp(−γ). For γ &gt; 1: ⌊γ⌋ independent
 * Bernoulli(exp(−1)) trials and one Bernoulli(exp(−(γ − ⌊γ⌋))), all of which must succeed.
 *
 * <p>Longs are used while d·k fits; otherwise the same steps run on {@link BigInteger}.
 */
final class ExactBernoulli {
    private final RandomBits random;

    ExactBernoulli(RandomBits random) {
        this.random = random;
    }

    RandomBits random() {
        return random;
    }

    /** Bernoulli(num / (den·k)) for 0 ≤ num ≤ den·k. */
    private boolean ratio(long num, long den, long k) {
        if (den <= Long.MAX_VALUE / k) {
            return random.uniform(den * k) < num;
        }
        BigInteger bound = BigInteger.valueOf(den).multiply(BigInteger.valueOf(k));
        return random.uniform(bound).compareTo(BigInteger.valueOf(num)) < 0;
    }

    /** Bernoulli(exp(−num/den)) for num ≥ 0, den ≥ 1. */
    boolean expMinus(long num, long den) {
        long whole = num / den;
        for (long i = 0; i < whole; i++) {
            if (!expMinusFraction(1, 1)) {
                return false;
            }
        }
        return expMinusFraction(num - whole * den, den);
    }

    /** Bernoulli(exp(−num/den)) for 0 ≤ num ≤ den. */
    private boolean expMinusFraction(long num, long den) {
        long k = 1;
        while (ratio(num, den, k)) {
            k++;
        }
        return (k & 1) == 1;
    }

    /** Bernoulli(exp(−num/den)) for big num ≥ 0, den ≥ 1. */
    boolean expMinus(BigInteger num, BigInteger den) {
        BigInteger[] qr = num.divideAndRemainder(den);
        for (BigInteger i = BigInteger.ZERO; i.compareTo(qr[0]) < 0; i = i.add(BigInteger.ONE)) {
            if (!expMinusFraction(1, 1)) {
                return false;
            }
        }
        BigInteger rem = qr[1];
        long k = 1;
        while (random.uniform(den.multiply(BigInteger.valueOf(k))).compareTo(rem) < 0) {
            k++;
        }
        return (k & 1) == 1;
    }
}
