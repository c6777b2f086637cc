package org.leakbench.defense.secagg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import org.leakbench.tensor.SimdSupport;

/**
 * The common part of the pure-JDK key streams, whose ciphers write into Java arrays: each chunk is encrypted
 * into a reused byte buffer and its words are laid onto the target from there, on the Vector API where it is
 * on ({@link SimdMaskAdd}), else in plain loops ({@link MaskPrg#scalar}); a fill is one bulk copy through a
 * little-endian int view of the buffer (a memory copy inside the JDK, 2.5 times the vector loop's rate). Needs
 * neither the foreign-function module nor the vector module.
 */
abstract class HeapCtrKeyStream implements AesCtrKeyStream {
    private static final boolean VECTOR = SimdSupport.enabled();

    private final byte[] chunk = new byte[MAX_CHUNK];
    private final IntBuffer words =
            ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();

    @Override
    public final void apply(int[] target, int offset, int n, int mode) {
        next(chunk, AesCtrKeyStream.checkWords(n));
        if (mode == 0) {
            words.get(0, target, offset, n);
        } else if (VECTOR) {
            SimdMaskAdd.apply(chunk, target, offset, n, mode);
        } else {
            MaskPrg.scalar(chunk, 0, target, offset, n, mode);
        }
    }
}
