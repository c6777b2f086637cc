package org.leakbench.defense.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.update.Update;

class RandomKCompressionTest {
    @Test
    void keepsExactlyKEntriesUnchanged() {
        Update in = CompressionTestData.gaussian(500, 500, 2);
        float[] flat = in.flatten();
        for (double fraction : new double[] {0.003, 0.1, 0.5, 1.0}) {
            float[] out = new RandomKCompression(new SparsificationOptions(fraction, false))
                    .apply(in, new SplittableRandom(4))
                    .flatten();
            assertEquals((int) Math.ceil(fraction * 1000 - 1e-9), CompressionTestData.nonZeros(out));
            for (int i = 0; i < out.length; i++) {
                if (out[i] != 0) {
                    assertEquals(flat[i], out[i]);
                }
            }
        }
    }

    @Test
    void seedChoosesTheIndices() {
        Update in = CompressionTestData.gaussian(500, 500, 2);
        RandomKCompression rk = new RandomKCompression(new SparsificationOptions(0.1, false));
        float[] a = rk.apply(in, new SplittableRandom(1)).flatten();
        float[] b = rk.apply(in, new SplittableRandom(1)).flatten();
        float[] c = rk.apply(in, new SplittableRandom(2)).flatten();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another seed keeps other entries");
    }

    @Test
    void everyEntryIsKeptAboutEquallyOften() {
        // Uniform selection: over 2000 draws with k/n = 0.25 each entry is kept ~500 times.
        Update in = CompressionTestData.single(1, 2, 3, 4, 5, 6, 7, 8);
        RandomKCompression rk = new RandomKCompression(new SparsificationOptions(0.25, false));
        int[] kept = new int[8];
        SplittableRandom seeds = new SplittableRandom(7);
        for (int t = 0; t < 2000; t++) {
            float[] out = rk.apply(in, seeds.split()).flatten();
            for (int i = 0; i < 8; i++) {
                kept[i] += out[i] != 0 ? 1 : 0;
            }
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(500, kept[i], 80, "entry " + i + " kept " + kept[i] + " times");
        }
    }

    @Test
    void errorFeedbackKeepsTheRest() {
        RandomKCompression rk = new RandomKCompression(new SparsificationOptions(0.25, true));
        Update in = CompressionTestData.single(1, 2, 3, 4);
        float[] out = rk.apply(in, new SplittableRandom(3)).flatten();
        float[] residual = rk.residual();
        for (int i = 0; i < 4; i++) {
            assertEquals(in.flatten()[i], out[i] + residual[i]);
        }
    }

    @Test
    void bytesAreKValuesAndASeed() {
        Update u = CompressionTestData.gaussian(700, 300, 1);
        assertEquals(4L * 100 + 8, new RandomKCompression(new SparsificationOptions(0.1, false)).bytesSent(u));
    }
}
