package org.leakbench.defense.dp;

/** The step shared by the central mechanisms: add N(0, std²) to a sum and divide. */
final class NoisySum {
    /** Every whole number up to 2^24 is exactly a float. */
    private static final double EXACT_FLOAT_INTEGERS = 0x1.0p24;

    private NoisySum() {}

    /** (sum + N(0, std² I)) / denominator, computed in place on {@code sum}, which is returned. */
    static float[] noiseAndScale(float[] sum, double std, double denominator, NoiseSource noise) {
        if (std > 0 && isPowerOfTwo(denominator)) {
            noise.addToAndMultiply(sum, std, (float) (1 / denominator)); // the division of divide(), fused
            return sum;
        }
        if (std > 0) {
            noise.addTo(sum, std);
        }
        divide(sum, denominator);
        return sum;
    }

    /**
     * values[i] = (float) (values[i] / denominator) in place. A batch size or a client count divides in float
     * instead, with the same result: both divisions are correctly rounded, double carries more than 2·24 + 2
     * bits, so rounding its quotient to float gives the float quotient (Figueroa 1995, "When is double rounding
     * innocuous?"), and a whole number up to 2^24 is exactly a float. The float loop vectorises and skips two
     * conversions; the double one cost more than the noise in a DP-SGD step. A power of two multiplies by its
     * inverse instead, which gives the same floats again.
     */
    static void divide(float[] values, double denominator) {
        if (isPowerOfTwo(denominator)) {
            // x / 2^k and x · 2^-k are the same real number, so correctly rounded they are the same float;
            // a multiplication costs a fraction of a division.
            float inverse = (float) (1 / denominator);
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] * inverse;
            }
            return;
        }
        if (Math.abs(denominator) <= EXACT_FLOAT_INTEGERS && denominator == Math.rint(denominator)) {
            float d = (float) denominator;
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] / d;
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] / denominator);
        }
    }

    /** A whole power of two up to 2^24, whose inverse is exactly a float (no subnormal or overflow). */
    private static boolean isPowerOfTwo(double d) {
        return d >= 1 && d <= EXACT_FLOAT_INTEGERS && d == Math.rint(d) && Long.bitCount((long) d) == 1;
    }
}
