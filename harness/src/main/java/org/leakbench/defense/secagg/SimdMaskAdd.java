package org.leakbench.defense.secagg;

import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The mask generator's add on the Vector API: little-endian words of the key stream added to, subtracted from
 * or written over a run of the target. HotSpot does not vectorise the scalar loop's byte-array views, and at
 * the counter-mode intrinsic's speed that loop would take as long as the AES. The key stream comes from a Java
 * array (the JDK routes) or from a direct buffer over the native route's output, read where OpenSSL wrote it
 * rather than copied to the heap first (one pass over the chunk fewer). Only loaded when
 * {@link org.leakbench.tensor.SimdSupport#enabled()}.
 */
final class SimdMaskAdd {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    private SimdMaskAdd() {}

    /** target[offset + i] (+= | -=) word i of keyStream for i below n, by mode +1 or -1 (a fill is a bulk copy). */
    static void apply(byte[] keyStream, int[] target, int offset, int n, int mode) {
        int lanes = I.length();
        int i = 0;
        if (mode > 0) {
            for (; i <= n - lanes; i += lanes) {
                IntVector k = IntVector.fromByteArray(I, keyStream, 4 * i, ByteOrder.LITTLE_ENDIAN);
                IntVector.fromArray(I, target, offset + i).add(k).intoArray(target, offset + i);
            }
        } else {
            for (; i <= n - lanes; i += lanes) {
                IntVector k = IntVector.fromByteArray(I, keyStream, 4 * i, ByteOrder.LITTLE_ENDIAN);
                IntVector.fromArray(I, target, offset + i).sub(k).intoArray(target, offset + i);
            }
        }
        MaskPrg.scalar(keyStream, i, target, offset + i, n - i, mode);
    }

    /** target[offset + i] (+= | -=) words[i] for i below n, by mode +1 or -1. */
    static void apply(int[] words, int[] target, int offset, int n, int mode) {
        int lanes = I.length();
        int i = 0;
        if (mode > 0) {
            for (; i <= n - lanes; i += lanes) {
                IntVector k = IntVector.fromArray(I, words, i);
                IntVector.fromArray(I, target, offset + i).add(k).intoArray(target, offset + i);
            }
            for (; i < n; i++) {
                target[offset + i] += words[i];
            }
        } else {
            for (; i <= n - lanes; i += lanes) {
                IntVector k = IntVector.fromArray(I, words, i);
                IntVector.fromArray(I, target, offset + i).sub(k).intoArray(target, offset + i);
            }
            for (; i < n; i++) {
                target[offset + i] -= words[i];
            }
        }
    }
}
