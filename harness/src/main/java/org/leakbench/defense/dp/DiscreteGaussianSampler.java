package org.leakbench.defense.dp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Exact samples of the discrete Gaussian N_Z(0, σ²), P(X = x) ∝ exp(−x²/(2σ²)) on the integers, by the
 * algorithm of Canonne, Kamath, Steinke 2020 ("The Discrete Gaussian for Differential Privacy", Algorithm 3):
 * with t = ⌊σ⌋ + 1, draw Y from the discrete Laplace P(Y = y) ∝ exp(−|y|/t) and accept it with probability
 * exp(−(|Y| − σ²/t)²/(2σ²)). Every step is exact rational arithmetic over a {@link SecureRandom}: no floating
 * point, so none of the attacks on floating-point noise (Mironov 2012; Jin et al. 2022) apply.
 *
 * <p>σ² is held as a rational n/d. {@link #ofSigmaSquared(long, long)} and {@link #ofSigma(long, long, SecureRandom)} take
 * rationals; {@link #ofSigma(double)} converts the double exactly (a double is a dyadic rational), so
 * {@code ofSigma(0.1)} samples at the double nearest 0.1, not at 1/10. When n and d are small (as for integer
 * σ or σ with few binary digits) the arithmetic runs on longs; otherwise on BigInteger, correct but slower.
 *
 * <p>Not thread-safe.
 */
public final class DiscreteGaussianSampler {
    /** n and d up to this size keep the per-sample arithmetic on longs in all but absurdly rare cases. */
    private static final long FAST_LIMIT = 1L << 31;

    private final BigInteger num;
    private final BigInteger den;
    private final long t;
    private final boolean fast;
    private final long n;
    private final long d;
    private final ExactBernoulli bernoulli;
    private final RandomBits random;

    private DiscreteGaussianSampler(BigInteger num, BigInteger den, SecureRandom source) {
        if (num.signum() <= 0 || den.signum() <= 0) {
            throw new IllegalArgumentException("sigma^2 must be a positive rational, got " + num + "/" + den);
        }
        if (source == null) {
            throw new IllegalArgumentException("random source must not be null");
        }
        BigInteger g = num.gcd(den);
        this.num = num.divide(g);
        this.den = den.divide(g);
        BigInteger floorSigma = this.num.divide(this.den).sqrt(); // ⌊√(n/d)⌋ = ⌊√⌊n/d⌋⌋
        if (floorSigma.bitLength() > 40) {
            throw new IllegalArgumentException("sigma must be below 2^40, got sigma^2 = " + this.num + "/" + this.den);
        }
        this.t = floorSigma.longValueExact() + 1;
        this.fast = this.num.compareTo(BigInteger.valueOf(FAST_LIMIT)) < 0
                && this.den.compareTo(BigInteger.valueOf(FAST_LIMIT)) < 0;
        this.n = fast ? this.num.longValueExact() : 0;
        this.d = fast ? this.den.longValueExact() : 0;
        this.random = new RandomBits(source);
        this.bernoulli = new ExactBernoulli(random);
    }

    /** σ² = num/den, over a strong default source ({@link #defaultRandom()}). */
    public static DiscreteGaussianSampler ofSigmaSquared(long num, long den) {
        return ofSigmaSquared(num, den, defaultRandom());
    }

    /** σ² = num/den over the given source (pass a seeded SHA1PRNG or DRBG instance for reproducible tests). */
    public static DiscreteGaussianSampler ofSigmaSquared(long num, long den, SecureRandom random) {
        return new DiscreteGaussianSampler(BigInteger.valueOf(num), BigInteger.valueOf(den), random);
    }

    /** σ = num/den, so σ² = num²/den². */
    public static DiscreteGaussianSampler ofSigma(long num, long den, SecureRandom random) {
        BigInteger a = BigInteger.valueOf(num);
        BigInteger b = BigInteger.valueOf(den);
        if (a.signum() <= 0 || b.signum() <= 0) {
            throw new IllegalArgumentException("sigma must be a positive rational, got " + num + "/" + den);
        }
        return new DiscreteGaussianSampler(a.multiply(a), b.multiply(b), random);
    }

    /** σ given as a double, converted exactly, over a strong default source. */
    public static DiscreteGaussianSampler ofSigma(double sigma) {
        return ofSigma(sigma, defaultRandom());
    }

    /** σ given as a double, converted exactly (σ² = σ·σ with no rounding). */
    public static DiscreteGaussianSampler ofSigma(double sigma, SecureRandom random) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
        BigDecimal s2 = new BigDecimal(sigma).pow(2);
        BigInteger unscaled = s2.unscaledValue();
        BigInteger den = BigInteger.ONE;
        if (s2.scale() > 0) {
            den = BigInteger.TEN.pow(s2.scale());
        } else {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-s2.scale()));
        }
        return new DiscreteGaussianSampler(unscaled, den, random);
    }

    /**
     * A strong default source: the JDK's DRBG (NIST SP 800-90A) at 256-bit security strength, seeded by the
     * operating system.
     */
    public static SecureRandom defaultRandom() {
        try {
            return SecureRandom.getInstance(
                    "DRBG", DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, null));
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** σ² as a double (for reporting). */
    public double sigmaSquared() {
        return new BigDecimal(num)
                .divide(new BigDecimal(den), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    /** One sample. */
    public long sample() {
        while (true) {
            long y = discreteLaplace();
            if (acceptWithGaussianRatio(Math.abs(y))) {
                return y;
            }
        }
    }

    /** Fills {@code out} with independent samples. */
    public void fill(long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = sample();
        }
    }

    /** Fills {@code out} with independent samples (σ must be small enough for every sample to fit an int). */
    public void fill(int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.toIntExact(sample());
        }
    }

    /** CKS Algorithm 2 with integer scale t: P(Y = y) ∝ exp(−|y|/t). */
    private long discreteLaplace() {
        while (true) {
            long u = random.uniform(t);
            if (!bernoulli.expMinus(u, t)) {
                continue;
            }
            long v = 0;
            while (bernoulli.expMinus(1, 1)) {
                v++;
            }
            long x = u + t * v;
            boolean negative = random.bit();
            if (negative && x == 0) {
                continue;
            }
            return negative ? -x : x;
        }
    }

    /** Bernoulli(exp(−(|y| − σ²/t)²/(2σ²))) = Bernoulli(exp(−(|y|·t·d − n)²/(2·n·t²·d))). */
    private boolean acceptWithGaussianRatio(long absY) {
        if (fast) {
            try {
                long a = Math.subtractExact(Math.multiplyExact(Math.multiplyExact(absY, t), d), n);
                long gammaNum = Math.multiplyExact(a, a);
                long gammaDen = Math.multiplyExact(Math.multiplyExact(2 * n, Math.multiplyExact(t, t)), d);
                return bernoulli.expMinus(gammaNum, gammaDen);
            } catch (ArithmeticException overflow) {
                // fall through to exact big-integer arithmetic
            }
        }
        BigInteger bt = BigInteger.valueOf(t);
        BigInteger a = BigInteger.valueOf(absY).multiply(bt).multiply(den).subtract(num);
        BigInteger gammaDen = num.shiftLeft(1).multiply(bt).multiply(bt).multiply(den);
        return bernoulli.expMinus(a.multiply(a), gammaDen);
    }
}
