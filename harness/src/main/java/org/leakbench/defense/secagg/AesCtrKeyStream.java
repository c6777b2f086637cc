package org.leakbench.defense.secagg;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * An AES-128 counter-mode key stream (NIST SP 800-38A, section 6.5): block i of the stream is
 * AES_k(T + i), the counter block T read as a 128-bit big-endian integer and incremented modulo 2^128.
 * Three routes produce the same bytes: {@link LibcryptoCtrKeyStream} on the system's OpenSSL,
 * {@link JdkCtrKeyStream} on the JDK's {@code AES/CTR/NoPadding}, whose
 * HotSpot intrinsic encrypts several blocks in parallel on AES-NI, and {@link EcbCtrKeyStream}, which writes
 * the counter blocks and encrypts them with {@code AES/ECB/NoPadding}, for JVMs without that intrinsic.
 * {@link MaskPrgRoute} picks one per JVM. {@link MaskPrg} takes the stream a chunk at a time through
 * {@link #apply}, so that each route can lay its words onto the target the cheapest way it has.
 *
 * <p>Not thread-safe.
 */
interface AesCtrKeyStream {
    /**
     * Bytes of key stream one {@link #next} or {@link #apply} call may ask for: 16 KiB, so that the chunk, the
     * zeros it is encrypted from and the run of the target it lands on stay in or near the L1 data cache (48 KiB
     * on the Xeon measured) while the words are laid on (32 KiB chunks measured 5 to 10% slower on every route).
     */
    int MAX_CHUNK = 16 * 1024;

    /** Restarts the stream under {@code key} (16 bytes) at counter block {@code initialCounter} (16 bytes). */
    void start(byte[] key, byte[] initialCounter);

    /**
     * The next {@code len} bytes of key stream into {@code out[0, len)}; {@code len} is a multiple of 16 and at
     * most {@link #MAX_CHUNK}, so every call starts on a block boundary.
     */
    void next(byte[] out, int len);

    /**
     * The next {@code ceil(n / 4)} blocks of key stream, read as little-endian 32-bit words, onto
     * {@code target[offset, offset + n)}: added for mode +1, subtracted for -1, written for 0. {@code n} is at
     * most {@link #MAX_CHUNK} / 4; the words of the last block beyond {@code n} are dropped.
     */
    void apply(int[] target, int offset, int n, int mode);

    /** A new stream on {@code route}. */
    static AesCtrKeyStream create(MaskPrgRoute.Route route) {
        return switch (route) {
            case OPENSSL -> MaskPrgRoute.nativeStream();
            case JDK_CTR -> new JdkCtrKeyStream();
            case JDK_ECB -> new EcbCtrKeyStream();
        };
    }

    /** Checks a length passed to {@link #next}. */
    static void checkChunk(int len) {
        if (len < 0 || len % 16 != 0 || len > MAX_CHUNK) {
            throw new IllegalArgumentException(
                    "key stream chunk must be a multiple of 16 bytes up to " + MAX_CHUNK + ", got " + len);
        }
    }

    /** The JDK cipher for {@code transformation}; a JVM without it cannot run the protocol. */
    static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks " + transformation, e);
        }
    }

    /** Checks a word count passed to {@link #apply}; returns the bytes of key stream it takes. */
    static int checkWords(int n) {
        if (n < 0 || n > MAX_CHUNK / 4) {
            throw new IllegalArgumentException("key stream chunk must be 0 to " + MAX_CHUNK / 4 + " words, got " + n);
        }
        return 16 * ((n + 3) / 4);
    }

    /** Checks key and counter lengths. */
    static void checkStart(byte[] key, byte[] initialCounter) {
        if (key.length != 16) {
            throw new IllegalArgumentException("AES-128 key must be 16 bytes, got " + key.length);
        }
        if (initialCounter.length != 16) {
            throw new IllegalArgumentException("counter block must be 16 bytes, got " + initialCounter.length);
        }
    }
}
