package org.leakbench.defense.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.update.Update;

class TopKCompressionTest {
    @Test
    void keepsExactlyKLargestMagnitudes() {
        for (double fraction : new double[] {0.001, 0.01, 0.1, 0.25, 0.5, 1.0}) {
            Update in = CompressionTestData.gaussian(700, 300, 3);
            float[] out = new TopKCompression(new SparsificationOptions(fraction, false))
                    .apply(in, new SplittableRandom(1))
                    .flatten();
            int k = (int) Math.max(1, Math.ceil(fraction * 1000 - 1e-9));
            assertEquals(k, CompressionTestData.nonZeros(out), "kept entries for fraction " + fraction);
            float[] flat = in.flatten();
            float smallestKept = Float.POSITIVE_INFINITY;
            float largestDropped = 0;
            for (int i = 0; i < flat.length; i++) {
                if (out[i] != 0) {
                    assertEquals(flat[i], out[i], "kept values are unchanged");
                    smallestKept = Math.min(smallestKept, Math.abs(flat[i]));
                } else {
                    largestDropped = Math.max(largestDropped, Math.abs(flat[i]));
                }
            }
            assertTrue(smallestKept >= largestDropped, "fraction " + fraction);
        }
    }

    @Test
    void tiesGoToTheLowerIndex() {
        float[] out = new TopKCompression(new SparsificationOptions(0.5, false))
                .apply(CompressionTestData.single(1, -1, 1, 1), new SplittableRandom(0))
                .flatten();
        assertArrayEquals(new float[] {1, -1, 0, 0}, out);
    }

    @Test
    void errorFeedbackCarriesWhatWasDropped() {
        TopKCompression topk =
                (TopKCompression) new TopKCompression(new SparsificationOptions(0.25, true)).forClient(0);
        Update first = CompressionTestData.single(4, 3, 2, 1);
        assertArrayEquals(
                new float[] {4, 0, 0, 0},
                topk.apply(first, new SplittableRandom(0)).flatten());
        assertArrayEquals(new float[] {0, 3, 2, 1}, topk.residual());
        // Second round: the residual is added before selecting, so the dropped 3 now wins.
        Update second = CompressionTestData.single(0, 0.5f, 0, 0);
        assertArrayEquals(
                new float[] {0, 3.5f, 0, 0},
                topk.apply(second, new SplittableRandom(0)).flatten());
        assertArrayEquals(new float[] {0, 0, 2, 1}, topk.residual());
    }

    @Test
    void sentPlusResidualEqualsEverythingFed() {
        TopKCompression topk = new TopKCompression(new SparsificationOptions(0.05, true));
        double[] fed = new double[1000];
        double[] sent = new double[1000];
        for (int round = 0; round < 5; round++) {
            Update u = CompressionTestData.gaussian(600, 400, round);
            float[] in = u.flatten();
            float[] out = topk.apply(u, new SplittableRandom(round)).flatten();
            for (int i = 0; i < in.length; i++) {
                fed[i] += in[i];
                sent[i] += out[i];
            }
        }
        float[] residual = topk.residual();
        for (int i = 0; i < fed.length; i++) {
            assertEquals(fed[i], sent[i] + residual[i], 1e-4, "entry " + i);
        }
    }

    @Test
    void forClientGivesIndependentState() {
        TopKCompression shared = new TopKCompression(new SparsificationOptions(0.25, true));
        TopKCompression a = (TopKCompression) shared.forClient(0);
        TopKCompression b = (TopKCompression) shared.forClient(1);
        a.apply(CompressionTestData.single(4, 3, 2, 1), new SplittableRandom(0));
        assertEquals(0, b.residual().length);
        TopKCompression stateless = new TopKCompression(new SparsificationOptions(0.25, false));
        assertTrue(stateless.forClient(0) == stateless, "without error feedback the instance is shared");
    }

    @Test
    void bytesAreKValueIndexPairs() {
        Update u = CompressionTestData.gaussian(700, 300, 1);
        assertEquals(8L * 10, new TopKCompression(new SparsificationOptions(0.01, false)).bytesSent(u));
        assertEquals(8L * 1000, new TopKCompression(new SparsificationOptions(1.0, false)).bytesSent(u));
    }

    @Test
    void rejectsFractionOutsideRange() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new SparsificationOptions(0, false));
        assertTrue(e.getMessage().contains("sparsification.fraction"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SparsificationOptions(1.5, false));
        assertThrows(IllegalArgumentException.class, () -> new SparsificationOptions(Double.NaN, false));
    }
}
