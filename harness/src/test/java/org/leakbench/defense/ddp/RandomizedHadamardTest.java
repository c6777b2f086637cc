package org.leakbench.defense.ddp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomizedHadamardTest {
    @Test
    void padsToThePowerOfTwoAbove() {
        assertEquals(1, RandomizedHadamard.paddedLength(1));
        assertEquals(2, RandomizedHadamard.paddedLength(2));
        assertEquals(8, RandomizedHadamard.paddedLength(5));
        assertEquals(1024, RandomizedHadamard.paddedLength(1024));
        assertEquals(2048, RandomizedHadamard.paddedLength(1025));
    }

    @Test
    void columnsAreOrthonormal() {
        int n = 12; // padded to 16: the rotated unit vectors must be orthonormal in R^16
        RandomizedHadamard r = new RandomizedHadamard(n, 7);
        double[][] cols = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            cols[i] = r.rotate(e);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < 16; k++) {
                    dot += cols[i][k] * cols[j][k];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12, "<R e_" + i + ", R e_" + j + ">");
            }
        }
    }

    @Test
    void unrotateInvertsRotateAndKeepsTheNorm() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[1000];
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
            norm += x[i] * x[i];
        }
        RandomizedHadamard r = new RandomizedHadamard(x.length, 11);
        double[] y = r.rotate(x);
        double rotatedNorm = 0;
        for (double v : y) {
            rotatedNorm += v * v;
        }
        assertEquals(norm, rotatedNorm, 1e-9 * norm);
        assertArrayEquals(x, r.unrotate(y), 1e-12);
    }

    @Test
    void sameSeedSameRotationOtherSeedOther() {
        double[] x = {1, 0, 0, 0};
        assertArrayEquals(new RandomizedHadamard(4, 5).rotate(x), new RandomizedHadamard(4, 5).rotate(x));
        double[] a = new RandomizedHadamard(64, 1).rotate(new double[64]);
        assertEquals(64, a.length);
    }

    @Test
    void flattensASpike() {
        double[] spike = new double[256];
        spike[3] = 1;
        for (double v : new RandomizedHadamard(256, 9).rotate(spike)) {
            assertEquals(1 / 16.0, Math.abs(v), 1e-12); // mass spread evenly: |y_i| = 1/√D
        }
    }

    @Test
    void refusesAWrongLength() {
        RandomizedHadamard r = new RandomizedHadamard(5, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.rotate(new double[4]));
        assertEquals("rotation of length 5 given a vector of 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.unrotate(new double[5]));
    }
}
