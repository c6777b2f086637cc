package org.leakbench.defense.dp;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Random bits from a {@link SecureRandom}, fetched in blocks so that the many small draws of exact samplers
 * (single bits, small uniform integers) do not each pay for a call into the provider. Given the same
 * sequence of bytes from the source, the same draws come out.
 */
final class RandomBits {
    private static final int BLOCK_BYTES = 1024;

    private final SecureRandom source;
    private final byte[] block = new byte[BLOCK_BYTES];
    private int blockPos = BLOCK_BYTES;
    private long word;
    private int wordBits;

    RandomBits(SecureRandom source) {
        this.source = source;
    }

    SecureRandom source() {
        return source;
    }

    private long nextWord() {
        if (blockPos == BLOCK_BYTES) {
            source.nextBytes(block);
            blockPos = 0;
        }
        long w = 0;
        for (int i = 0; i < 8; i++) {
            w = (w << 8) | (block[blockPos++] & 0xFFL);
        }
        return w;
    }

    /** k uniform bits, 0 ≤ k ≤ 63, as the low bits of a non-negative long. */
    long bits(int k) {
        if (k == 0) {
            return 0;
        }
        if (wordBits < k) {
            word = nextWord();
            wordBits = 64;
        }
        long out = word & ((1L << k) - 1);
        word >>>= k;
        wordBits -= k;
        return out;
    }

    boolean bit() {
        return bits(1) == 1;
    }

    /** Uniform on {0, …, n − 1} for 1 ≤ n, by rejection on the smallest covering power of two. */
    long uniform(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("uniform bound must be >= 1, got " + n);
        }
        int k = 64 - Long.numberOfLeadingZeros(n - 1);
        while (true) {
            long r = bits(k);
            if (r < n) {
                return r;
            }
        }
    }

    /** Uniform on {0, …, n − 1} for a big bound n ≥ 1. */
    BigInteger uniform(BigInteger n) {
        int k = n.subtract(BigInteger.ONE).bitLength();
        while (true) {
            BigInteger r = new BigInteger(k, source);
            if (r.compareTo(n) < 0) {
                return r;
            }
        }
    }
}
