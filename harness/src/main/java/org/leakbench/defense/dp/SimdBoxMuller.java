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
     * Blocks of samples into out[from .. to), a multiple of the block size and at most {@link BoxMullerSampler#CHUNK}
     * long, in two passes, the generators' words then the samples, each a small method with one loop and no
     * vector passed between methods. Every vector the sample arithmetic stores is an int vector fresh out of an int
     * operation. Under JDK 17 the JIT compiles a Vector API call to instructions
     * only when it can prove the vector's class; for calls it cannot, it compiles the library's slow path. A float
     * vector store takes that class from the type profile of {@code FloatVector.intoArray}, which every float
     * store in the JVM shares, and the backend's kernels stored float vectors of half the width too: so when one
     * method made all the samples and stored them as floats, some of its stores (and a conversion whose target
     * species was not a constant) were compiled on the slow path, differently from one JVM to the next, and the
     * noise of a DP-SGD step cost 5 to 20 times a plain SGD step of the 256-wide MLP instead of a tenth of it.
     * The kernels now use full-width float vectors only, so the samples are added in by a float vector loop
     * ({@link #addBits}) of its own.
     */
    static void blocks(BoxMullerSampler g, float[] out, int from, int to, float sigma, boolean add, float factor) {
        int blocks = (to - from) / BoxMullerSampler.BLOCK;
        words(g, blocks);
        samples(g.w1, g.w2, g.bits, blocks, sigma);
        if (add) {
            addBits(g.bits, out, from, to, factor);
        } else {
            copyBits(g.bits, out, from, to);
        }
    }

    /**
     * out[i] = (out[i] + the float with bits[i − from]) · factor, i in [from, to), a multiple of the lane count
     * long: (old + z·σ) · factor in float, as on the scalar path. A vector loop: as a scalar one it cost as much
     * as making the samples.
     */
    private static void addBits(int[] bits, float[] out, int from, int to, float factor) {
        for (int i = from; i < to; i += F.length()) {
            FloatVector.fromArray(F, out, i)
                    .add((FloatVector) IntVector.fromArray(I, bits, i - from).reinterpretAsFloats())
                    .mul(factor)
                    .intoArray(out, i);
        }
    }

    /** out[i] = the float with bits[i − from], i in [from, to). */
    private static void copyBits(int[] bits, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Float.intBitsToFloat(bits[i - from]);
        }
    }

    /** The two words of each generator for {@code blocks} blocks: w[b·16 + k] is generator k's word in block b. */
    private static void words(BoxMullerSampler g, int blocks) {
        int lanes = I.length();
        int[] w1s = g.w1;
        int[] w2s = g.w2;
        for (int j = 0; j < BoxMullerSampler.STREAMS; j += lanes) {
            IntVector a = IntVector.fromArray(I, g.s0, j);
            IntVector b = IntVector.fromArray(I, g.s1, j);
            IntVector c = IntVector.fromArray(I, g.s2, j);
            IntVector d = IntVector.fromArray(I, g.s3, j);
            for (int at = j; at < blocks * BoxMullerSampler.STREAMS; at += BoxMullerSampler.STREAMS) {
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

                w1.intoArray(w1s, at);
                w2.intoArray(w2s, at);
            }
            a.intoArray(g.s0, j);
            b.intoArray(g.s1, j);
            c.intoArray(g.s2, j);
            d.intoArray(g.s3, j);
        }
    }

    /** The samples r·cos θ and r·sin θ times σ, as float bits: block b's go to bits[b·32 ..]. */
    private static void samples(int[] w1s, int[] w2s, int[] bits, int blocks, float sigma) {
        int lanes = I.length();
        final int sqrt2Bits = Float.floatToRawIntBits(2 * BoxMullerMath.SQRT_HALF);
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < BoxMullerSampler.STREAMS; j += lanes) {
                int at = b * BoxMullerSampler.STREAMS + j;
                IntVector w1 = IntVector.fromArray(I, w1s, at);
                IntVector w2 = IntVector.fromArray(I, w2s, at);
                // r = sqrt(-2 ln u1), as BoxMullerMath.radius: halving m in [1, 2) is one off its exponent bits.
                FloatVector u = ((FloatVector)
                                w1.lanewise(VectorOperators.LSHR, 1).convertShape(VectorOperators.I2F, F, 0))
                        .mul(BoxMullerMath.TWO_POW_MINUS_31)
                        .add(BoxMullerMath.TWO_POW_MINUS_32);
                IntVector uBits = (IntVector) u.reinterpretAsInts();
                IntVector exponent = uBits.lanewise(VectorOperators.LSHR, 23).sub(127);
                IntVector mantissa = uBits.and(0x007FFFFF).or(0x3F800000);
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
                FloatVector e = (FloatVector) exponent.convertShape(VectorOperators.I2F, F, 0);
                FloatVector log = f.add(f.mul(z).mul(p).sub(z.mul(0.5f))).add(e.mul(BoxMullerMath.LN2));
                FloatVector r = log.mul(-2f).sqrt();
                // The angle q·π/2 + x, as BoxMullerMath.pair.
                FloatVector x = ((FloatVector) w2.lanewise(VectorOperators.LSHR, 6)
                                .and(0x00FFFFFF)
                                .sub(1 << 23)
                                .convertShape(VectorOperators.I2F, F, 0))
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
                // r·(±t)·σ is ±(r·t·σ) bit for bit (rounding is symmetric), so the sign goes on last, as an int
                // operation whose result the int store below takes without the slow path (see blocks).
                int cosAt = b * BoxMullerSampler.BLOCK + j;
                ((IntVector) r.mul((FloatVector) cosBits.blend(sinBits, swap).reinterpretAsFloats())
                                .mul(sigma)
                                .reinterpretAsInts())
                        .lanewise(VectorOperators.XOR, cosSign)
                        .intoArray(bits, cosAt);
                ((IntVector) r.mul((FloatVector) sinBits.blend(cosBits, swap).reinterpretAsFloats())
                                .mul(sigma)
                                .reinterpretAsInts())
                        .lanewise(VectorOperators.XOR, sinSign)
                        .intoArray(bits, cosAt + BoxMullerSampler.STREAMS);
            }
        }
    }
}
