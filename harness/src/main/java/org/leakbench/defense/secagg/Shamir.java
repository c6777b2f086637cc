package org.leakbench.defense.secagg;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shamir t-of-n secret sharing (Shamir, CACM 1979) over the prime field GF(p) with
 * p = 2^256 + 297, the smallest prime above 2^256, so any 32-byte secret (an X25519 private scalar or a
 * 16-byte mask seed) is one field element and needs no chunking. A share is the point (x, f(x)) of a random
 * polynomial f of degree t - 1 with f(0) = secret; any t shares give f(0) by Lagrange interpolation, and
 * t - 1 shares are consistent with every secret.
 */
public final class Shamir {
    /** The field prime 2^256 + 297 (primality is checked in the tests). */
    public static final BigInteger PRIME = BigInteger.ONE.shiftLeft(256).add(BigInteger.valueOf(297));
    /** Encoded size of a share value: 33 bytes, big-endian, enough for any element of GF(p). */
    public static final int SHARE_BYTES = 33;
    /** Largest secret in bytes. */
    public static final int MAX_SECRET_BYTES = 32;

    /** One share: the evaluation point x (never 0) and the value f(x) mod p. */
    public record Share(int x, BigInteger y) {
        public Share {
            if (x <= 0) {
                throw new IllegalArgumentException("share x must be >= 1, got " + x);
            }
            if (y.signum() < 0 || y.compareTo(PRIME) >= 0) {
                throw new IllegalArgumentException("share value must lie in [0, p), got " + y);
            }
        }

        /** Fixed-width encoding of the value (the x coordinate is implied by who holds the share). */
        public byte[] encodeValue() {
            return toFixed(y, SHARE_BYTES);
        }

        public static Share decode(int x, byte[] value) {
            if (value.length != SHARE_BYTES) {
                throw new IllegalArgumentException(
                        "share value must be " + SHARE_BYTES + " bytes, got " + value.length);
            }
            return new Share(x, new BigInteger(1, value));
        }
    }

    private final int threshold;
    private final Map<List<Integer>, BigInteger[]> lagrangeCache = new HashMap<>();
    private long reconstructions;

    public Shamir(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("Shamir threshold must be >= 1, got " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** Secrets reconstructed so far by this instance (each a sum of t products). */
    public long reconstructions() {
        return reconstructions;
    }

    /** Holder sets whose Lagrange coefficients this instance computed (each one modular inversion). */
    public int lagrangeSets() {
        return lagrangeCache.size();
    }

    /** Splits {@code secret} (at most 32 bytes, read big-endian) into one share per x in {@code xs}. */
    public Share[] split(byte[] secret, int[] xs, SecureRandom random) {
        if (secret.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "Shamir secret must be at most " + MAX_SECRET_BYTES + " bytes, got " + secret.length);
        }
        if (xs.length < threshold) {
            throw new IllegalArgumentException(
                    "cannot split " + threshold + "-of-" + xs.length + ": fewer share holders than the threshold");
        }
        BigInteger[] coefficients = new BigInteger[threshold];
        coefficients[0] = new BigInteger(1, secret);
        for (int i = 1; i < threshold; i++) {
            coefficients[i] = randomElement(random);
        }
        Share[] shares = new Share[xs.length];
        for (int k = 0; k < xs.length; k++) {
            BigInteger x = BigInteger.valueOf(xs[k]);
            BigInteger y = BigInteger.ZERO;
            for (int i = threshold - 1; i >= 0; i--) { // Horner
                y = y.multiply(x).add(coefficients[i]);
                // Reduced only once it has grown past 512 bits: the division was 90 % of a split with t = 667,
                // and a product by a small x is cheap. The result mod p is the same.
                if (y.bitLength() > 512) {
                    y = y.mod(PRIME);
                }
            }
            shares[k] = new Share(xs[k], y.mod(PRIME));
        }
        return shares;
    }

    /**
     * Reconstructs the secret from at least t shares with distinct x (the first t distinct are used).
     *
     * @throws SecAggException with fewer than t distinct shares
     */
    public byte[] reconstruct(List<Share> shares, int secretLength) {
        List<Share> used = new ArrayList<>(threshold);
        boolean[] seen = new boolean[0];
        for (Share s : shares) {
            if (s.x() >= seen.length) {
                seen = Arrays.copyOf(seen, Math.max(s.x() + 1, seen.length * 2));
            }
            if (!seen[s.x()]) {
                seen[s.x()] = true;
                used.add(s);
                if (used.size() == threshold) {
                    break;
                }
            }
        }
        if (used.size() < threshold) {
            throw new SecAggException("cannot reconstruct a secret from " + used.size() + " distinct shares: the "
                    + "threshold is " + threshold);
        }
        reconstructions++;
        List<Integer> key = used.stream().map(Share::x).toList();
        BigInteger[] lambda = lagrangeCache.computeIfAbsent(key, Shamir::lagrangeAtZero);
        BigInteger secret = BigInteger.ZERO;
        for (int i = 0; i < threshold; i++) {
            secret = secret.add(lambda[i].multiply(used.get(i).y()));
        }
        return toFixed(secret.mod(PRIME), secretLength);
    }

    /**
     * The value at {@code x} of the polynomial through the first t shares of {@code basis} (distinct x), for
     * checking whether another share lies on the same polynomial.
     */
    public BigInteger valueAt(List<Share> basis, int x) {
        if (basis.size() < threshold) {
            throw new IllegalArgumentException("need " + threshold + " shares to interpolate, got " + basis.size());
        }
        BigInteger at = BigInteger.valueOf(x);
        BigInteger[] num = new BigInteger[threshold];
        BigInteger[] den = new BigInteger[threshold];
        for (int i = 0; i < threshold; i++) {
            num[i] = BigInteger.ONE;
            den[i] = BigInteger.ONE;
            BigInteger xi = BigInteger.valueOf(basis.get(i).x());
            for (int j = 0; j < threshold; j++) {
                if (j != i) {
                    BigInteger xj = BigInteger.valueOf(basis.get(j).x());
                    num[i] = num[i].multiply(at.subtract(xj)).mod(PRIME);
                    den[i] = den[i].multiply(xi.subtract(xj)).mod(PRIME);
                }
            }
        }
        BigInteger[] inverse = batchInverse(den);
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < threshold; i++) {
            value = value.add(basis.get(i).y().multiply(num[i]).mod(PRIME).multiply(inverse[i]));
        }
        return value.mod(PRIME);
    }

    /**
     * Lagrange basis coefficients at 0: lambda_i = prod_{j != i} x_j / (x_j - x_i) mod p, written as
     * P / (x_i prod_{j != i} (x_j - x_i)) with P the product of all x_j, so that the t denominators are inverted
     * together with one modular inversion (Montgomery's trick). Under SecAgg+ every owner has its own holder
     * set, so this runs once per reconstruction, and t inversions took a tenth of the server's unmasking.
     */
    static BigInteger[] lagrangeAtZero(List<Integer> xs) {
        int t = xs.size();
        BigInteger product = BigInteger.ONE;
        for (int x : xs) {
            product = product.multiply(BigInteger.valueOf(x)).mod(PRIME);
        }
        BigInteger[] den = new BigInteger[t];
        for (int i = 0; i < t; i++) {
            long xi = xs.get(i);
            BigInteger d = BigInteger.valueOf(xi);
            for (int j = 0; j < t; j++) {
                if (j != i) {
                    d = d.multiply(BigInteger.valueOf(xs.get(j) - xi)).mod(PRIME);
                }
            }
            den[i] = d;
        }
        BigInteger[] lambda = batchInverse(den);
        for (int i = 0; i < t; i++) {
            lambda[i] = product.multiply(lambda[i]).mod(PRIME);
        }
        return lambda;
    }

    /**
     * The inverses mod p of non-zero {@code values} with a single modular inversion (Montgomery, Math. Comp.
     * 1987): prefix products, one inverse of the whole product, then a backward pass peels off one factor at a
     * time, 3(t - 1) multiplications in place of t - 1 inversions.
     */
    static BigInteger[] batchInverse(BigInteger[] values) {
        int t = values.length;
        BigInteger[] out = new BigInteger[t];
        if (t == 0) {
            return out;
        }
        BigInteger[] prefix = new BigInteger[t];
        prefix[0] = values[0].mod(PRIME);
        for (int i = 1; i < t; i++) {
            prefix[i] = prefix[i - 1].multiply(values[i]).mod(PRIME);
        }
        BigInteger inverse = prefix[t - 1].modInverse(PRIME);
        for (int i = t - 1; i > 0; i--) {
            out[i] = inverse.multiply(prefix[i - 1]).mod(PRIME);
            inverse = inverse.multiply(values[i]).mod(PRIME);
        }
        out[0] = inverse;
        return out;
    }

    private static BigInteger randomElement(SecureRandom random) {
        BigInteger r;
        do {
            r = new BigInteger(257, random);
        } while (r.compareTo(PRIME) >= 0);
        return r;
    }

    /** Big-endian, left-padded to {@code length} bytes; fails if the value does not fit. */
    static byte[] toFixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int len = raw.length - start;
        if (len > length) {
            throw new SecAggException(
                    "reconstructed value does not fit in " + length + " bytes: the shares are " + "inconsistent");
        }
        byte[] out = new byte[length];
        System.arraycopy(raw, start, out, length - len, len);
        return out;
    }
}
