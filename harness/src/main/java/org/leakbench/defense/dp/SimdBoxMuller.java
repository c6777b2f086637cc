package org.leakbench.defense.dp;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link BoxMullerSampler}'s blocks on the Vector API: the same operations as {@link BoxMullerMath}, in the same
 * order, on as many generators at once as the machine's vectors hold (8 with AVX2, 16 with AVX-512). Only loaded
 * when {@link org.leakbench.tensor.SimdSupport#enabled()}.
 */
final class SimdBoxMuller {
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private SimdBoxMuller() {}

    /** True when the vectors split the generators evenly (the floats and ints have the same lane count). */
    static boolean fits(int streams) {
        return I.length() == F.length() && I.length() >= 4 && streams % I.length() == 0;
    }

    /**
     * Blocks of samples into out[from .. to), a multiple of the block size. One method on purpose: the Vector API
     * only stays in registers when everything is inlined, and a helper taking vectors that the JIT declines to
     * inline boxes them.
     */
    static void blocks(BoxMullerSampler g, float[] out, int from, int to, float sigma, boolean add) {
        int lanes = I.length();
        final int sqrt2Bits = Float.floatToRawIntBits(2 * BoxMullerMath.SQRT_HALF);
        for (int j = 0; j < BoxMullerSampler.STREAMS; j += lanes) {
            IntVector a = IntVector.fromArray(I, g.s0, j);
            IntVector b = IntVector.fromArray(I, g.s1, j);
            IntVector c = IntVector.fromArray(I, g.s2, j);
            IntVector d = IntVector.fromArray(I, g.s3, j);
            for (int at = from; at < to; at += BoxMullerSampler.BLOCK) {
                // xoshiro128++, twice: the first word gives the radius, the second the angle.
                IntVector sum = a.add(d);
                IntVector w1 = sum.lanewise(VectorOperators.LSHL, 7)
                        .or(sum.lanewise(VectorOperators.LSHR, 25))
                        .add(a);
                IntVector t = b.lanewise(VectorOperators.LSHL, 9);
                c = c.lanewise(VectorOperators.XOR, a);
                d = d.lanewise(VectorOperators.XOR, b);
                b = b.lanewise(VectorOperators.XOR, c);
                a = a.lanewise(VectorOperators.XOR, d);
                c = c.lanewise(VectorOperators.XOR, t);
                d = d.lanewise(VectorOperators.LSHL, 11).or(d.lanewise(VectorOperators.LSHR, 21));
                sum = a.add(d);
                IntVector w2 = sum.lanewise(VectorOperators.LSHL, 7)
                        .or(sum.lanewise(VectorOperators.LSHR, 25))
                        .add(a);
                t = b.lanewise(VectorOperators.LSHL, 9);
                c = c.lanewise(VectorOperators.XOR, a);
                d = d.lanewise(VectorOperators.XOR, b);
                b = b.lanewise(VectorOperators.XOR, c);
                a = a.lanewise(VectorOperators.XOR, d);
                c = c.lanewise(VectorOperators.XOR, t);
                d = d.lanewise(VectorOperators.LSHL, 11).or(d.lanewise(VectorOperators.LSHR, 21));

                // r = sqrt(-2 ln u1), as BoxMullerMath.radius: halving m in [1, 2) is one off its exponent bits.
                FloatVector u = ((FloatVector)
                                w1.lanewise(VectorOperators.LSHR, 1).convert(VectorOperators.I2F, 0))
                        .mul(BoxMullerMath.TWO_POW_MINUS_31)
                        .add(BoxMullerMath.TWO_POW_MINUS_32);
                IntVector bits = (IntVector) u.reinterpretAsInts();
                IntVector exponent = bits.lanewise(VectorOperators.LSHR, 23).sub(127);
                IntVector mantissa = bits.and(0x007FFFFF).or(0x3F800000);
                VectorMask<Integer> high = mantissa.compare(VectorOperators.GT, sqrt2Bits);
                mantissa = mantissa.blend(mantissa.sub(0x00800000), high);
                exponent = exponent.blend(exponent.add(1), high);
                FloatVector f = ((FloatVector) mantissa.reinterpretAsFloats()).sub(1f);
                FloatVector z = f.mul(f);
                FloatVector p = f.mul(BoxMullerMath.L0)
                        .add(BoxMullerMath.L1)
                        .mul(f)
                        .add(BoxMullerMath.L2)
                        .mul(f)
                        .add(BoxMullerMath.L3)
                        .mul(f)
                        .add(BoxMullerMath.L4)
                        .mul(f)
                        .add(BoxMullerMath.L5)
                        .mul(f)
                        .add(BoxMullerMath.L6)
                        .mul(f)
                        .add(BoxMullerMath.L7)
                        .mul(f)
                        .add(BoxMullerMath.L8);
                FloatVector e = (FloatVector) exponent.convert(VectorOperators.I2F, 0);
                FloatVector log = f.add(f.mul(z).mul(p).sub(z.mul(0.5f))).add(e.mul(BoxMullerMath.LN2));
                FloatVector r = log.mul(-2f).sqrt();

                // The angle q·π/2 + x, as BoxMullerMath.pair.
                FloatVector x = ((FloatVector) w2.lanewise(VectorOperators.LSHR, 6)
                                .and(0x00FFFFFF)
                                .sub(1 << 23)
                                .convert(VectorOperators.I2F, 0))
                        .mul(BoxMullerMath.ANGLE_STEP)
                        .add(BoxMullerMath.ANGLE_HALF_STEP);
                FloatVector xx = x.mul(x);
                FloatVector sin = x.add(x.mul(xx)
                        .mul(xx.mul(BoxMullerMath.S3)
                                .add(BoxMullerMath.S2)
                                .mul(xx)
                                .add(BoxMullerMath.S1)));
                FloatVector cos = FloatVector.broadcast(F, 1f)
                        .sub(xx.mul(0.5f))
                        .add(xx.mul(xx)
                                .mul(xx.mul(BoxMullerMath.C3)
                                        .add(BoxMullerMath.C2)
                                        .mul(xx)
                                        .add(BoxMullerMath.C1)));
                IntVector q = w2.lanewise(VectorOperators.LSHR, 30);
                VectorMask<Integer> swap = q.and(1).compare(VectorOperators.NE, 0);
                IntVector cosBits = (IntVector) cos.reinterpretAsInts();
                IntVector sinBits = (IntVector) sin.reinterpretAsInts();
                IntVector cosSign = q.lanewise(VectorOperators.XOR, q.lanewise(VectorOperators.LSHR, 1))
                        .and(1)
                        .lanewise(VectorOperators.LSHL, 31);
                IntVector sinSign = q.and(2).lanewise(VectorOperators.LSHL, 30);
                FloatVector zc = r.mul((FloatVector) cosBits.blend(sinBits, swap)
                        .lanewise(VectorOperators.XOR, cosSign)
                        .reinterpretAsFloats());
                FloatVector zs = r.mul((FloatVector) sinBits.blend(cosBits, swap)
                        .lanewise(VectorOperators.XOR, sinSign)
                        .reinterpretAsFloats());
                int cosAt = at + j;
                int sinAt = at + BoxMullerSampler.STREAMS + j;
                if (add) {
                    FloatVector.fromArray(F, out, cosAt).add(zc.mul(sigma)).intoArray(out, cosAt);
                    FloatVector.fromArray(F, out, sinAt).add(zs.mul(sigma)).intoArray(out, sinAt);
                } else {
                    zc.mul(sigma).intoArray(out, cosAt);
                    zs.mul(sigma).intoArray(out, sinAt);
                }
            }
            a.intoArray(g.s0, j);
            b.intoArray(g.s1, j);
            c.intoArray(g.s2, j);
            d.intoArray(g.s3, j);
        }
    }
}
