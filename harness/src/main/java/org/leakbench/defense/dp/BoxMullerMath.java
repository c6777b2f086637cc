package org.leakbench.defense.dp;

/**
 * The float arithmetic of {@link BoxMullerSampler}, lane by lane: two 32-bit generator words become two
 * independent standard normals by the Box–Muller transform (Box and Muller 1958), r = √(−2 ln u₁) and the angle
 * from u₂. Logarithm, sine and cosine are short polynomials (the single-precision minimax coefficients of the
 * Cephes library, Moshier 1992) evaluated with plain multiplies and adds in a fixed order, with no fused
 * multiply-add, so that the scalar code here and the Vector API code of {@link SimdBoxMuller} give the same bits.
 *
 * <p>u₁ = (w₁ >>> 1)·2⁻³¹ + 2⁻³² lies in (0, 1] with its smallest value 2⁻³², so |z| is at most
 * √(64 ln 2) ≈ 6.66: the normal tail beyond that (probability 2.7·10⁻¹¹) is cut off. The angle is
 * q·π/2 + x, with the quadrant q from the word's top two bits and x uniform on [−π/4, π/4) from its next 24:
 * a uniform angle on the circle (a fixed rotation of [0, 2π)), with the polynomials only ever evaluated where
 * they are accurate to a few units in the last place.
 */
final class BoxMullerMath {
    static final float TWO_POW_MINUS_31 = 0x1p-31f;
    static final float TWO_POW_MINUS_32 = 0x1p-32f;
    static final float LN2 = 0.6931471805599453f;
    static final float SQRT_HALF = 0.70710678f;
    /** π/2 · 2⁻²⁴: one step of the 24-bit angle. */
    static final float ANGLE_STEP = (float) (Math.PI / 2 / (1 << 24));
    /** Half a step: centres the 2²⁴ angles on [−π/4, π/4) symmetrically. */
    static final float ANGLE_HALF_STEP = (float) (Math.PI / 4 / (1 << 24));

    /** Cephes logf: log(1 + f) ≈ f − f²/2 + f³·P(f) for f in [√½ − 1, √2 − 1]. */
    static final float L0 = 7.0376836292E-2f;

    static final float L1 = -1.1514610310E-1f;
    static final float L2 = 1.1676998740E-1f;
    static final float L3 = -1.2420140846E-1f;
    static final float L4 = 1.4249322787E-1f;
    static final float L5 = -1.6668057665E-1f;
    static final float L6 = 2.0000714765E-1f;
    static final float L7 = -2.4999993993E-1f;
    static final float L8 = 3.3333331174E-1f;
    /** Cephes sinf and cosf on [−π/4, π/4]. */
    static final float S1 = -1.6666654611E-1f;

    static final float S2 = 8.3321608736E-3f;
    static final float S3 = -1.9515295891E-4f;
    static final float C1 = 4.166664568298827E-2f;
    static final float C2 = -1.388731625493765E-3f;
    static final float C3 = 2.443315711809948E-5f;

    private BoxMullerMath() {}

    /** u₁ in (0, 1] from a word. */
    static float uniform(int word) {
        return (float) (word >>> 1) * TWO_POW_MINUS_31 + TWO_POW_MINUS_32;
    }

    /** √(−2 ln u) for u in (0, 1]. */
    static float radius(float u) {
        int bits = Float.floatToRawIntBits(u);
        int exponent = (bits >>> 23) - 127;
        float m = Float.intBitsToFloat((bits & 0x007FFFFF) | 0x3F800000); // [1, 2)
        if (m > 2 * SQRT_HALF) {
            m = m * 0.5f;
            exponent = exponent + 1;
        }
        float f = m - 1f;
        float z = f * f;
        float p = ((((((((L0 * f + L1) * f + L2) * f + L3) * f + L4) * f + L5) * f + L6) * f + L7) * f + L8);
        float log = f + (f * z * p - 0.5f * z) + exponent * LN2;
        return (float) Math.sqrt(-2f * log);
    }

    /** The offset x in [−π/4, π/4) of the angle from a word's bits 6–29. */
    static float offset(int word) {
        return (((word >>> 6) & 0x00FFFFFF) - (1 << 23)) * ANGLE_STEP + ANGLE_HALF_STEP;
    }

    static float sin(float x) {
        float z = x * x;
        return x + x * z * ((S3 * z + S2) * z + S1);
    }

    static float cos(float x) {
        float z = x * x;
        return 1f - 0.5f * z + z * z * ((C3 * z + C2) * z + C1);
    }

    /** {@code pair[0]} = r cos θ, {@code pair[1]} = r sin θ from two words. */
    static void pair(int w1, int w2, float[] out, int cosAt, int sinAt) {
        float r = radius(uniform(w1));
        float x = offset(w2);
        float c = cos(x);
        float s = sin(x);
        int q = w2 >>> 30;
        float cq = (q & 1) == 0 ? c : s;
        float sq = (q & 1) == 0 ? s : c;
        int cosSign = ((q ^ (q >>> 1)) & 1) << 31;
        int sinSign = (q & 2) << 30;
        out[cosAt] = r * Float.intBitsToFloat(Float.floatToRawIntBits(cq) ^ cosSign);
        out[sinAt] = r * Float.intBitsToFloat(Float.floatToRawIntBits(sq) ^ sinSign);
    }
}
