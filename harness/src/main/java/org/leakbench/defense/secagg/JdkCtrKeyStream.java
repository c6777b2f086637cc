package org.leakbench.defense.secagg;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key stream from the JDK's {@code AES/CTR/NoPadding}, encrypting zeros. HotSpot replaces the cipher's
 * inner loop with an intrinsic that keeps several AES-NI blocks in flight, but only once that loop is
 * compiled, which takes thousands of calls: one call over a large array runs the interpreted byte-by-byte
 * loop at a few hundred MB/s. So this class warms the loop up once per JVM with many tiny calls and then
 * feeds it chunks of {@link AesCtrKeyStream#MAX_CHUNK} bytes, which stay in the L1 cache. On a CPU with
 * AVX-512 and VAES, JDK 17's intrinsic runs four blocks per instruction and measured about twice OpenSSL 3.0's
 * AES-128-CTR, which uses 128-bit AES-NI ({@link MaskPrgRoute}).
 */
final class JdkCtrKeyStream extends HeapCtrKeyStream {
    /** Calls that make HotSpot compile the counter-mode loop with its intrinsic (C2 compiles at ~10^4). */
    private static final int WARM_UP_CALLS = 40_000;

    private static final byte[] ZEROS = new byte[MAX_CHUNK];

    static {
        warmUp();
    }

    private final Cipher cipher;

    JdkCtrKeyStream() {
        cipher = AesCtrKeyStream.cipher("AES/CTR/NoPadding");
    }

    @Override
    public void start(byte[] key, byte[] initialCounter) {
        AesCtrKeyStream.checkStart(key, initialCounter);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(initialCounter));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key setup failed", e);
        }
    }

    @Override
    public void next(byte[] out, int len) {
        AesCtrKeyStream.checkChunk(len);
        try {
            cipher.update(ZEROS, 0, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption failed", e);
        }
    }

    private static void warmUp() {
        JdkCtrKeyStream s = new JdkCtrKeyStream();
        s.start(new byte[16], new byte[16]);
        byte[] out = new byte[16];
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            s.next(out, 16);
        }
    }
}
