package org.leakbench.defense.secagg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pure-JDK fallback key stream: counter blocks written into a buffer and encrypted in one
 * {@code AES/ECB/NoPadding} call per chunk. HotSpot runs ECB on AES-NI one block at a time, about a third of
 * the speed of the parallel counter-mode intrinsic, but it needs no warm-up and no intrinsic at all.
 */
final class EcbCtrKeyStream extends HeapCtrKeyStream {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Cipher cipher;
    private final byte[] counters = new byte[MAX_CHUNK];
    private long high;
    private long low;

    EcbCtrKeyStream() {
        cipher = AesCtrKeyStream.cipher("AES/ECB/NoPadding");
    }

    @Override
    public void start(byte[] key, byte[] initialCounter) {
        AesCtrKeyStream.checkStart(key, initialCounter);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES key setup failed", e);
        }
        high = (long) LONG_BE.get(initialCounter, 0);
        low = (long) LONG_BE.get(initialCounter, 8);
    }

    @Override
    public void next(byte[] out, int len) {
        AesCtrKeyStream.checkChunk(len);
        for (int b = 0; b < len; b += 16) {
            LONG_BE.set(counters, b, high);
            LONG_BE.set(counters, b + 8, low);
            low++;
            if (low == 0) {
                high++; // the 128-bit increment carries into the high half
            }
        }
        try {
            cipher.doFinal(counters, 0, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption failed", e);
        }
    }
}
