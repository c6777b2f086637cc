package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {
    @Test
    void realForwardMatchesTheDefiningSum() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int n : new int[] {2, 4, 16, 256}) {
            double[] x = rng.doubles(n).toArray();
            double[] re = new double[n / 2 + 1];
            double[] im = new double[n / 2 + 1];
            Fft.realForward(x, re, im);
            for (int k = 0; k <= n / 2; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double angle = -2 * Math.PI * j * k / n;
                    sr += x[j] * Math.cos(angle);
                    si += x[j] * Math.sin(angle);
                }
                assertEquals(sr, re[k], 1e-12 * n, "n " + n + ", re " + k);
                assertEquals(si, im[k], 1e-12 * n, "n " + n + ", im " + k);
            }
        }
    }

    @Test
    void realInverseUndoesRealForward() {
        double[] x = new SplittableRandom(11).doubles(1 << 12).toArray();
        double[] re = new double[x.length / 2 + 1];
        double[] im = new double[x.length / 2 + 1];
        Fft.realForward(x, re, im);
        double[] back = new double[x.length];
        Fft.realInverse(re, im, back);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], back[i], 1e-14, "index " + i);
        }
    }

    @Test
    void powerOfTheHalfSpectrumIsRepeatedCircularConvolution() {
        // The self-composition path: x^(*3) by one forward transform, a cube and one inverse.
        int n = 32;
        double[] x = new double[n];
        x[0] = 0.5;
        x[1] = 0.3;
        x[2] = 0.2;
        double[] expected = circular(circular(x, x), x);
        double[] re = new double[n / 2 + 1];
        double[] im = new double[n / 2 + 1];
        Fft.realForward(x, re, im);
        Fft.power(re, im, 3);
        double[] out = new double[n];
        Fft.realInverse(re, im, out);
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], out[i], 1e-15, "index " + i);
        }
    }

    @Test
    void rejectsLengthsThatAreNotPowersOfTwo() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Fft.realForward(new double[6], new double[4], new double[4]));
        assertEquals(true, e.getMessage().contains("power-of-two"), e.getMessage());
    }

    private static double[] circular(double[] a, double[] b) {
        int n = a.length;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[(i + j) % n] += a[i] * b[j];
            }
        }
        return c;
    }
}
