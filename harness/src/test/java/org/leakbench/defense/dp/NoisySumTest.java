package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NoisySum#divide} divides by whole numbers up to 2^24 in float; these tests hold it to the double route
 * it replaced, bit for bit, over floats of every exponent (subnormals, infinities, NaN), quotients that sit next
 * to a rounding midpoint (where double rounding would show), and denominators up to 2^24.
 */
class NoisySumTest {
    private static final int CASES = 1 << 18;

    /** The reference: the quotient in double, rounded once to float. */
    private static float viaDouble(float value, double denominator) {
        return (float) (value / denominator);
    }

    private static void assertSameAsDouble(float[] values, double denominator) {
        float[] out = values.clone();
        NoisySum.divide(out, denominator);
        for (int i = 0; i < values.length; i++) {
            float expected = viaDouble(values[i], denominator);
            if (Float.floatToIntBits(expected) != Float.floatToIntBits(out[i])) {
                fail(values[i] + " / " + denominator + ": float route gave " + out[i] + ", double route " + expected);
            }
        }
    }

    private static float[] randomBitPatterns(SplittableRandom r) {
        float[] v = new float[CASES];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(r.nextInt());
        }
        return v;
    }

    /** Values a with a/d within a few double ulps of a midpoint between two floats. */
    private static float[] nearMidpoints(SplittableRandom r, double d) {
        float[] v = new float[CASES];
        for (int i = 0; i < v.length; i++) {
            float q = Float.intBitsToFloat(r.nextInt(0x7F000000)); // any finite non-negative float
            double midpoint = q + Math.ulp(q) / 2.0;
            float a = (float) (midpoint * d);
            v[i] = r.nextBoolean() ? a : Math.nextUp(a);
            if (r.nextBoolean()) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    @Test
    void smallBatchSizesDivideExactlyAsInDouble() {
        SplittableRandom r = new SplittableRandom(1);
        for (int d = 1; d <= 300; d++) {
            assertSameAsDouble(randomBitPatterns(r), d);
            assertSameAsDouble(nearMidpoints(r, d), d);
        }
    }

    @Test
    void largeWholeDenominatorsUpToTwoToThe24DivideExactlyAsInDouble() {
        SplittableRandom r = new SplittableRandom(2);
        double[] ds = {(1 << 24) - 1, 1 << 24, 1_000_003, 65_537, 3 * 5 * 7 * 11 * 13 * 17};
        for (double d : ds) {
            assertSameAsDouble(randomBitPatterns(r), d);
            assertSameAsDouble(nearMidpoints(r, d), d);
        }
        for (int k = 0; k < 200; k++) {
            double d = 1 + r.nextInt(1 << 24);
            assertSameAsDouble(nearMidpoints(r, d), d);
        }
    }

    @Test
    void specialValuesDivideAsInDouble() {
        float[] special = {
            0f,
            -0f,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.MIN_NORMAL,
            Float.MAX_VALUE,
            -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.NaN,
            1f,
            -1f,
            3f,
            0.1f
        };
        for (double d : new double[] {1, 2, 3, 7, 32, 1 << 24}) {
            assertSameAsDouble(special, d);
        }
    }

    @Test
    void otherDenominatorsKeepTheDoubleRoute() {
        // Not whole, or past 2^24 (not every such number is a float): the quotient is taken in double.
        SplittableRandom r = new SplittableRandom(3);
        for (double d : new double[] {6.5, 0.25, 1e-3, (1 << 24) + 1.0, 1e12, Math.PI}) {
            assertSameAsDouble(randomBitPatterns(r), d);
        }
    }

    @Test
    void noiseAndScaleAddsTheSamplersDrawsThenDivides() {
        float[] sum = new float[1001];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = i * 0.01f - 5;
        }
        float[] expected = sum.clone();
        FastGaussianSampler reference = new FastGaussianSampler(8);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) ((float) (expected[i] + reference.nextGaussian() * 0.7) / 3.0);
        }
        float[] out = NoisySum.noiseAndScale(sum, 0.7, 3, new FastGaussianSampler(8));
        for (int i = 0; i < out.length; i++) {
            assertEquals(expected[i], out[i], "element " + i);
        }
    }
}
