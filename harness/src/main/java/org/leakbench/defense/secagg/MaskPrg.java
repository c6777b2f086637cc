package org.leakbench.defense.secagg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudorandom generator that expands a 128-bit seed into a mask vector: AES-128 in counter mode, keyed by
 * the seed, counter blocks 0, 1, 2, ... (the key is fresh for every seed, so no nonce is needed). The counter
 * blocks are encrypted in batches with {@code AES/ECB/NoPadding}, which the JDK runs on AES-NI several times
 * faster than its {@code AES/CTR/NoPadding}; the key stream is read as little-endian 32-bit words.
 *
 * <p>Not thread-safe: use one instance per thread. Instances reuse their buffers across calls.
 */
public final class MaskPrg {
    /** Seed length in bytes (an AES-128 key). */
    public static final int SEED_BYTES = 16;
    private static final int BATCH_BLOCKS = 2048; // 32 KiB of key stream per cipher call, fits in L1/L2
    private static final int BATCH_INTS = BATCH_BLOCKS * 4;
    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final Cipher cipher;
    private final byte[] counters = new byte[BATCH_BLOCKS * 16];
    private final byte[] keyStream = new byte[BATCH_BLOCKS * 16];

    public MaskPrg() {
        try {
            cipher = Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks AES/ECB/NoPadding", e);
        }
    }

    private static final byte[] PAIRWISE_INFO = "leakbench secagg pairwise mask seed".getBytes();

    /** The seed s_uv of the pairwise mask between u and v, from their X25519 agreement through HKDF-SHA256. */
    public static byte[] pairwiseSeed(byte[] sharedSecret, long session) {
        return Hkdf.derive(ShareCipher.sessionSalt(session), sharedSecret, PAIRWISE_INFO, SEED_BYTES);
    }

    /** {@code target[i] += sign * PRG(seed)[i]} mod 2^32 for all i; sign is +1 or -1. */
    public void addMask(byte[] seed, int[] target, int sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("mask sign must be +1 or -1, got " + sign);
        }
        init(seed);
        for (int offset = 0; offset < target.length; offset += BATCH_INTS) {
            int n = Math.min(BATCH_INTS, target.length - offset);
            nextKeyStream(offset / BATCH_INTS, n);
            // reading the key stream in place is about twice as fast as a bulk copy followed by an add loop
            if (sign > 0) {
                for (int i = 0; i < n; i++) {
                    target[offset + i] += (int) INT_LE.get(keyStream, 4 * i);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    target[offset + i] -= (int) INT_LE.get(keyStream, 4 * i);
                }
            }
        }
    }

    /** Writes PRG(seed) into {@code out}. */
    public void fill(byte[] seed, int[] out) {
        init(seed);
        for (int offset = 0; offset < out.length; offset += BATCH_INTS) {
            int n = Math.min(BATCH_INTS, out.length - offset);
            nextKeyStream(offset / BATCH_INTS, n);
            for (int i = 0; i < n; i++) {
                out[offset + i] = (int) INT_LE.get(keyStream, 4 * i);
            }
        }
    }

    private void init(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("PRG seed must be " + SEED_BYTES + " bytes, got " + seed.length);
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(seed, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key setup failed", e);
        }
    }

    /** Encrypts counter blocks batch * BATCH_BLOCKS ... into {@link #keyStream}, enough for n words. */
    private void nextKeyStream(int batch, int n) {
        int blocks = (n + 3) / 4;
        long first = (long) batch * BATCH_BLOCKS;
        for (int b = 0; b < blocks; b++) {
            LONG_BE.set(counters, b * 16 + 8, first + b);
        }
        try {
            cipher.doFinal(counters, 0, blocks * 16, keyStream, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption failed", e);
        }
    }
}
