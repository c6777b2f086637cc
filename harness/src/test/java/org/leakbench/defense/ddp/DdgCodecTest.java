package org.leakbench.defense.ddp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DdgCodecTest {
    private static float[] gaussian(int m, double scale, SplittableRandom rng) {
        float[] x = new float[m];
        for (int i = 0; i < m; i++) {
            x[i] = (float) (scale * rng.nextGaussian());
        }
        return x;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static float[] decodeSumOf(DdgCodec codec, List<float[]> updates, SplittableRandom rng) {
        List<int[]> enc = new ArrayList<>();
        for (float[] u : updates) {
            enc.add(codec.encode(u, rng.split()));
        }
        return codec.decodeSum(DdpOptions.modularSum(enc));
    }

    @Test
    void withoutNoiseDecodeOfTheSumIsTheSumOfClippedUpdatesUpToRounding() {
        SplittableRandom rng = new SplittableRandom(1);
        int m = 1000; // padded to D = 1024
        int n = 5;
        double clip = 1.0;
        DdgParameters p = new DdgParameters(clip, 20, 1e-4, 0, 0, n, m);
        DdgCodec codec = new DdgCodec(p, 17, DdgCodec.FAST);
        List<float[]> updates = new ArrayList<>();
        double[] truth = new double[m];
        for (int u = 0; u < n; u++) {
            float[] x = gaussian(m, u == 0 ? 0.2 : 0.01, rng); // client 0's norm is about 6: it gets clipped to 1
            updates.add(x);
            double norm = 0;
            for (float v : x) {
                norm += (double) v * v;
            }
            double factor = Math.min(1, clip / Math.sqrt(norm));
            for (int i = 0; i < m; i++) {
                truth[i] += x[i] * factor;
            }
        }
        float[] sum = decodeSumOf(codec, updates, rng);
        double[] err = new double[m];
        for (int i = 0; i < m; i++) {
            err[i] = sum[i] - truth[i];
        }
        // each rounded coordinate is off by less than one grid step: ‖error‖ < nγ√D for sure, and its expected
        // square is at most nγ²D/4
        assertTrue(norm(err) < n * p.gamma() * Math.sqrt(1024), "error " + norm(err));
        assertTrue(norm(err) < 1.2 * p.gamma() * Math.sqrt(n * 1024 / 4.0), "error " + norm(err));
    }

    @Test
    void noiseOfTheDecodedSumHasNTimesTheLocalVariance() {
        SplittableRandom rng = new SplittableRandom(2);
        int m = 4096;
        int n = 5;
        double gamma = 0.01;
        double local = 0.03; // 3 grid steps per client
        DdgParameters p = new DdgParameters(1.0, 24, gamma, 0, local, n, m);
        DdgCodec codec = new DdgCodec(p, 3, DdgCodec.FAST);
        List<float[]> zeros = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            zeros.add(new float[m]);
        }
        float[] sum = decodeSumOf(codec, zeros, rng);
        double sq = 0;
        for (float v : sum) {
            sq += (double) v * v;
        }
        double expected = n * gamma * gamma * DiscreteGaussianTableTest.exactVariance(local / gamma);
        // the rotation is orthonormal: the decoded sum's coordinates have the integer noise's variance times γ²
        assertEquals(expected, sq / m, 5 * expected * Math.sqrt(2.0 / m));
    }

    @Test
    void exactSamplerGivesTheSameVariance() {
        SplittableRandom rng = new SplittableRandom(4);
        int m = 512;
        DdgParameters p = new DdgParameters(1.0, 16, 0.1, 0, 0.2, 2, m);
        DdgCodec codec = new DdgCodec(p, 3, DdgCodec.EXACT);
        float[] sum = decodeSumOf(codec, List.of(new float[m], new float[m]), rng);
        double sq = 0;
        for (float v : sum) {
            sq += (double) v * v;
        }
        double expected = 2 * 0.01 * DiscreteGaussianTableTest.exactVariance(2.0);
        assertEquals(expected, sq / m, 5 * expected * Math.sqrt(2.0 / m));
    }

    @Test
    void modularSumWrapsAndDecodesNegativeCoordinates() {
        // residues of −50, −50 and 60 in Z_256 sum to 472 ≡ 216 ≡ −40
        int[] a = {206};
        int[] c = {60};
        assertEquals(-40, DdgCodec.signed(DdpOptions.modularSum(List.of(a, a, c))[0], 8));
        assertEquals(-1, DdgCodec.signed(255, 8));
        assertEquals(-128, DdgCodec.signed(128, 8));
        assertEquals(127, DdgCodec.signed(127, 8));
        assertEquals(-1, DdgCodec.signed(-1, 32));
        assertEquals(Integer.MIN_VALUE, DdgCodec.signed(Integer.MIN_VALUE, 32));
        // 32769 clients at −1 and one at +1: the int sum passes 2^31 on the way, the residue is still −32768
        List<int[]> many = new ArrayList<>();
        for (int i = 0; i < 32769; i++) {
            many.add(new int[] {0xFFFF});
        }
        many.add(new int[] {1});
        assertEquals(-32768, DdgCodec.signed(DdpOptions.modularSum(many)[0], 16));
    }

    @Test
    void modularClippingWrapsASumOutsideTheRange() {
        // three clients at −100 each: −300 is outside [−128, 128) and comes back as −300 + 256 = −44
        int[] r = {156};
        assertEquals(-44, DdgCodec.signed(DdpOptions.modularSum(List.of(r, r, r))[0], 8));
        // and through the codec: a coordinate of the sum above 2^(b−1) grid steps decodes wrong by 2^b steps
        DdgParameters p = new DdgParameters(10.0, 6, 1.0, 0, 0, 2, 1);
        DdgCodec codec = new DdgCodec(p, 1, DdgCodec.FAST);
        SplittableRandom rng = new SplittableRandom(1);
        int[] e = codec.encode(new float[] {9}, rng); // D = 1, so the rotation is ±1: |coordinate| = 9 steps
        float[] sum = codec.decodeSum(DdpOptions.modularSum(List.of(e, e, e, e)));
        // 4 × 9 = 36 steps wraps to 36 − 64 = −28 whichever sign the rotation gave it
        assertEquals(-28f, sum[0]);
    }

    @Test
    void refusesBadInputWithAClearMessage() {
        DdgParameters p = new DdgParameters(1.0, 16, 0.01, 0, 0.05, 3, 10);
        DdgCodec codec = new DdgCodec(p, 1, DdgCodec.FAST);
        SplittableRandom rng = new SplittableRandom(1);
        IllegalArgumentException len =
                assertThrows(IllegalArgumentException.class, () -> codec.encode(new float[9], rng));
        assertEquals("ddp: update has 9 elements, the round's parameters expect 10", len.getMessage());
        float[] nan = new float[10];
        nan[4] = Float.NaN;
        assertEquals(
                "ddp: update element 4 is NaN",
                assertThrows(IllegalArgumentException.class, () -> codec.encode(nan, rng))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DdgCodec(p, 1, "gaussian"));
        IllegalArgumentException small =
                assertThrows(IllegalArgumentException.class, () -> new DdgParameters(1.0, 16, 0.1, 0, 0.04, 3, 10));
        assertTrue(small.getMessage().contains("is below 1/2"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DdgParameters(1.0, 33, 0.1, 0, 0, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> new DdgParameters(1.0, 16, 0.1, 1.0, 0, 3, 10));
    }
}
