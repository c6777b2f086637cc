package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MaskPrgTest {
    private static final byte[] SEED = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void equalsAesCtrFromCounterZero() throws Exception {
        int n = 3 * 8192 + 5; // several batches and a partial block
        int[] mask = new int[n];
        new MaskPrg().fill(SEED, mask);
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(SEED, "AES"), new IvParameterSpec(new byte[16]));
        byte[] stream = ctr.doFinal(new byte[4 * n]);
        int[] expected = new int[n];
        ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(expected);
        assertArrayEquals(expected, mask);
    }

    @Test
    void addThenSubtractCancelsAndSeedsDiffer() {
        MaskPrg prg = new MaskPrg();
        int[] x = new int[10_000];
        Arrays.setAll(x, i -> i * 31);
        int[] y = x.clone();
        prg.addMask(SEED, y, 1);
        assertFalse(Arrays.equals(x, y));
        prg.addMask(SEED, y, -1);
        assertArrayEquals(x, y);
        int[] a = new int[100];
        int[] b = new int[100];
        prg.fill(SEED, a);
        byte[] other = SEED.clone();
        other[0] ^= 1;
        prg.fill(other, b);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void rejectsShortSeedAndBadSign() {
        MaskPrg prg = new MaskPrg();
        assertThrows(IllegalArgumentException.class, () -> prg.fill(new byte[8], new int[4]));
        assertThrows(IllegalArgumentException.class, () -> prg.addMask(SEED, new int[4], 2));
    }
}
