package org.leakbench.defense.secagg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The pseudorandom generator that expands a 128-bit seed into a mask vector: AES-128 in counter mode, keyed by
 * the seed, counter blocks 0, 1, 2, ... (the key is fresh for every seed, so no nonce is needed); the key
 * stream is read as little-endian 32-bit words. The stream comes a cache-sized chunk at a time from the route
 * {@link MaskPrgRoute} picks for this JVM (the JDK's counter-mode intrinsic, the system's OpenSSL, or AES/ECB
 * over counter blocks), which lays each chunk onto the target while it is hot; all give the same words. The
 * add runs on the Vector API where it is on ({@link SimdMaskAdd}).
 *
 * <p>Not thread-safe: use one instance per thread. Instances reuse their buffers across calls.
 */
public final class MaskPrg {
    /** Seed length in bytes (an AES-128 key). */
    public static final int SEED_BYTES = 16;

    private static final int CHUNK_INTS = AesCtrKeyStream.MAX_CHUNK / 4;
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] COUNTER_ZERO = new byte[16];

    private final AesCtrKeyStream stream;

    /** A generator on the route this JVM uses ({@link MaskPrgRoute}). */
    public MaskPrg() {
        this(MaskPrgRoute.chosen());
    }

    private MaskPrg(MaskPrgRoute.Route route) {
        stream = AesCtrKeyStream.create(route);
    }

    /**
     * A generator on a named route, {@code openssl}, {@code ctr} or {@code ecb}, whatever this JVM would choose
     * (benchmarks); {@code openssl} where the native route cannot run is an IllegalArgumentException saying why.
     */
    public static MaskPrg onRoute(String route) {
        return new MaskPrg(MaskPrgRoute.named(route));
    }

    private static final byte[] PAIRWISE_INFO =
            "leakbench secagg pairwise mask seed".getBytes(StandardCharsets.US_ASCII);

    /** The seed s_uv of the pairwise mask between u and v, from their X25519 agreement through HKDF-SHA256. */
    public static byte[] pairwiseSeed(byte[] sharedSecret, long session) {
        return Hkdf.derive(ShareCipher.sessionSalt(session), sharedSecret, PAIRWISE_INFO, SEED_BYTES);
    }

    /** {@code target[i] += sign * PRG(seed)[i]} mod 2^32 for all i; sign is +1 or -1. */
    public void addMask(byte[] seed, int[] target, int sign) {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("mask sign must be +1 or -1, got " + sign);
        }
        expand(seed, target, sign);
    }

    /** Writes PRG(seed) into {@code out}. */
    public void fill(byte[] seed, int[] out) {
        expand(seed, out, 0);
    }

    /** mode +1: add, -1: subtract, 0: overwrite. */
    private void expand(byte[] seed, int[] target, int mode) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("PRG seed must be " + SEED_BYTES + " bytes, got " + seed.length);
        }
        stream.start(seed, COUNTER_ZERO);
        for (int offset = 0; offset < target.length; offset += CHUNK_INTS) {
            stream.apply(target, offset, Math.min(CHUNK_INTS, target.length - offset), mode);
        }
    }

    /** Words first .. first + n - 1 of keyStream onto target[offset ..], by mode, in plain loops. */
    static void scalar(byte[] keyStream, int first, int[] target, int offset, int n, int mode) {
        if (mode > 0) {
            for (int i = 0; i < n; i++) {
                target[offset + i] += (int) INT_LE.get(keyStream, 4 * (first + i));
            }
        } else if (mode < 0) {
            for (int i = 0; i < n; i++) {
                target[offset + i] -= (int) INT_LE.get(keyStream, 4 * (first + i));
            }
        } else {
            for (int i = 0; i < n; i++) {
                target[offset + i] = (int) INT_LE.get(keyStream, 4 * (first + i));
            }
        }
    }
}
