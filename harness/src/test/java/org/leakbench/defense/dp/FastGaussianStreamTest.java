package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the fast Gaussian's output bit for bit: the same seed must give the same noise in every release and
 * on every code path (the scalar loop and the Vector API one), or stored results stop being reproducible.
 * The digests were taken from the scalar ziggurat; lengths straddle vector widths, and the long streams pass
 * through the tail and the wedges, whose extra draws shift everything after them.
 */
class FastGaussianStreamTest {
    private static float[] filled(long seed, int n, double sigma) {
        float[] out = new float[n];
        new FastGaussianSampler(seed).fill(out, sigma);
        return out;
    }

    @ParameterizedTest(name = "seed {0}, n {1}, sigma {2}")
    @CsvSource({
        "1, 0, 1.0, e3b0c44298fc1c14",
        "1, 1, 1.0, 556de470cd3f55c6",
        "1, 7, 1.0, 11d1de55d2cf8e83",
        "1, 9, 1.0, e4e4d0d3ae2e0c78",
        "1, 17, 1.0, c1fb7f888ebbc86d",
        "42, 100003, 1.0, 647e76cf8a9a5459",
        "-7, 65536, 2.5, d4e17c9815958a78",
        "3, 1000, 0.0, a67d9ca5ef8855e4",
    })
    void fillIsPinned(long seed, int n, double sigma, String digest) {
        assertEquals(digest, Bits.digest(filled(seed, n, sigma)));
    }

    @Test
    void addToIsPinned() {
        float[] values = new float[100_003];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i % 97 - 48) * 0.03125f;
        }
        new FastGaussianSampler(17).addTo(values, 0.25);
        assertEquals("e69408d685910cf2", Bits.digest(values));
    }

    @Test
    void nextGaussianIsPinned() {
        FastGaussianSampler s = new FastGaussianSampler(5);
        double[] out = new double[100_000];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.nextGaussian();
        }
        assertEquals("1bc16291d3f39152", Bits.digest(out));
    }

    @Test
    void stateCarriesAcrossCalls() {
        // Short calls leave the generator mid-block; the next call must carry on from the same word.
        FastGaussianSampler s = new FastGaussianSampler(23);
        float[] all = new float[3 + 13 + 50_000];
        float[] part = new float[3];
        s.fill(part, 1.0);
        System.arraycopy(part, 0, all, 0, 3);
        part = new float[13];
        s.addTo(part, 1.0);
        System.arraycopy(part, 0, all, 3, 13);
        part = new float[50_000];
        s.fill(part, 1.0);
        System.arraycopy(part, 0, all, 16, 50_000);
        assertEquals("a00d556cc8c48dea", Bits.digest(all));
    }

    @Test
    void thePinnedStreamsReachTheTail() {
        // Without a tail sample the pins above would not cover the slow path's extra draws.
        int tail = 0;
        for (float v : filled(42, 100_003, 1.0)) {
            if (Math.abs(v) > ZigguratTables.R) {
                tail++;
            }
        }
        assertTrue(tail > 0, "no sample beyond r in the pinned stream");
    }
}
