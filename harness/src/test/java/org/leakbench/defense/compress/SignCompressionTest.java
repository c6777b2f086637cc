package org.leakbench.defense.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.update.Update;

class SignCompressionTest {
    @Test
    void preservesSignsWithMeanMagnitudeScale() {
        Update in = CompressionTestData.gaussian(300, 20, 4);
        Update out = new SignCompression().apply(in, new SplittableRandom(0));
        for (int t = 0; t < 2; t++) {
            float[] v = in.values().get(t);
            float[] s = out.values().get(t);
            double meanAbs = 0;
            for (float x : v) {
                meanAbs += Math.abs(x) / v.length;
            }
            for (int i = 0; i < v.length; i++) {
                assertEquals(Math.signum(v[i]), Math.signum(s[i]), "sign of entry " + i);
                assertEquals(meanAbs, Math.abs(s[i]), 1e-6, "scale of tensor " + t);
            }
        }
    }

    @Test
    void zeroStaysZero() {
        assertArrayEquals(
                new float[] {2, 0, -2},
                new SignCompression()
                        .apply(CompressionTestData.single(4, 0, -2), new SplittableRandom(0))
                        .flatten());
    }

    @Test
    void errorFeedbackKeepsTheMagnitudeError() {
        SignCompression sign = new SignCompression(new SignOptions(true));
        Update in = CompressionTestData.single(3, -1);
        float[] out = sign.apply(in, new SplittableRandom(0)).flatten();
        assertArrayEquals(new float[] {2, -2}, out);
        assertArrayEquals(new float[] {1, 1}, sign.residual());
    }

    @Test
    void bytesAreOneBitPerEntryPlusScale() {
        Update u = CompressionTestData.gaussian(1000, 9, 0);
        assertEquals(125 + 4 + 2 + 4, new SignCompression().bytesSent(u));
    }
}
