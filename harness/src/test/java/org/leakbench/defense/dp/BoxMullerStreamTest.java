package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the Box–Muller sampler's output bit for bit, as {@link FastGaussianStreamTest} does for the ziggurat: the
 * build runs it once with the Vector API and once without, so both paths must give these digests. Lengths
 * straddle the block of 32 and vector widths.
 */
class BoxMullerStreamTest {
    private static float[] filled(long seed, int n, double sigma) {
        float[] out = new float[n];
        new BoxMullerSampler(seed).fill(out, sigma);
        return out;
    }

    @ParameterizedTest(name = "seed {0}, n {1}, sigma {2}")
    @CsvSource({
        "1, 0, 1.0, e3b0c44298fc1c14",
        "1, 1, 1.0, 0337e69b7588e7cd",
        "1, 33, 1.0, 304b75407c827ec2",
        "42, 100003, 1.0, 8e282c31cdeb6c6d",
        "-7, 65536, 2.5, 873974747b8de07f",
        "3, 1000, 0.0, 38195827fdd596da",
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
        new BoxMullerSampler(17).addTo(values, 0.25);
        assertEquals("973c0638bc5c0307", Bits.digest(values));
    }

    /** The fused pass is addTo followed by the multiplication, bit for bit, over calls that split blocks. */
    @ParameterizedTest(name = "factor {0}")
    @CsvSource({"0.03125", "1.0", "0.0078125"})
    void addToAndMultiplyIsAddToThenMultiply(float factor) {
        BoxMullerSampler fused = new BoxMullerSampler(23);
        BoxMullerSampler plain = new BoxMullerSampler(23);
        for (int n : new int[] {5, 100_003, 33, 2048}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (i % 89 - 44) * 0.7f;
            }
            float[] b = a.clone();
            fused.addToAndMultiply(a, 1.5, factor);
            plain.addTo(b, 1.5);
            for (int i = 0; i < n; i++) {
                b[i] = b[i] * factor;
            }
            assertEquals(Bits.digest(b), Bits.digest(a), "n " + n);
        }
    }
}
