package org.leakbench.defense.dp;

import java.util.SplittableRandom;

/**
 * Fast floating-point N(0, σ²) noise for experiments: a 256-layer ziggurat ({@link ZigguratTables}) driven by
 * an inlined SplitMix64 generator (the generator inside {@link SplittableRandom}), one 64-bit word per sample
 * on the fast path: bits 0–7 pick the layer, bit 8 the sign, bits 11–63 the uniform, so no bits are shared.
 *
 * <p>Seeded from a {@link SplittableRandom}; the same seed gives the same noise, bit for bit. Not for
 * deployments that must resist floating-point attacks (Mironov 2012): use {@link DiscreteGaussianSampler}.
 * Not thread-safe: give each thread its own instance from {@code split()}.
 */
public final class FastGaussianSampler {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    public FastGaussianSampler(SplittableRandom random) {
        this.state = random.nextLong();
    }

    public FastGaussianSampler(long seed) {
        this(new SplittableRandom(seed));
    }

    /** SplitMix64's output function (Steele, Lea, Flood 2014). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A uniform double in (0, 1], safe for log. */
    private double nextOpenUniform() {
        return ((nextLong() >>> 11) + 1) * ZigguratTables.TWO_POW_MINUS_53;
    }

    /** One standard normal sample. */
    public double nextGaussian() {
        long bits = nextLong();
        int index = (int) bits & 0x1FF;
        int layer = index & 0xFF;
        long j = bits >>> 11;
        if (j < ZigguratTables.ACCEPT[layer]) {
            return j * ZigguratTables.SCALE[index];
        }
        return slowPath(bits);
    }

    /** Fills {@code out} with independent N(0, σ²) samples. */
    public void fill(float[] out, double sigma) {
        checkSigma(sigma);
        generate(out, sigma, false);
    }

    /** Adds independent N(0, σ²) noise to every element of {@code values}; the same draws as {@link #fill}. */
    public void addTo(float[] values, double sigma) {
        checkSigma(sigma);
        generate(values, sigma, true);
    }

    /** The hot loop, with the generator state in a local; {@code add} is loop-invariant. */
    private void generate(float[] out, double sigma, boolean add) {
        final long[] accept = ZigguratTables.ACCEPT;
        final double[] scale = ZigguratTables.SCALE;
        long s = state;
        for (int i = 0; i < out.length; i++) {
            s += GOLDEN_GAMMA;
            long bits = mix(s);
            int index = (int) bits & 0x1FF;
            long j = bits >>> 11;
            double z;
            if (j < accept[index & 0xFF]) {
                z = j * scale[index];
            } else {
                state = s;
                z = slowPath(bits);
                s = state;
            }
            out[i] = add ? (float) (out[i] + z * sigma) : (float) (z * sigma);
        }
        state = s;
    }

    private static void checkSigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }

    /** The rare cases: the tail beyond r, the wedges between layers, and retries after a rejection. */
    private double slowPath(long bits) {
        while (true) {
            int index = (int) bits & 0x1FF;
            int layer = index & 0xFF;
            long j = bits >>> 11;
            double x = j * ZigguratTables.SCALE[index];
            if (j < ZigguratTables.ACCEPT[layer]) {
                return x;
            }
            double sign = index < ZigguratTables.LAYERS ? 1.0 : -1.0;
            if (layer == 0) {
                return sign * tail();
            }
            double fLow = ZigguratTables.F[layer];
            double fHigh = ZigguratTables.F[layer + 1];
            double y = fLow + nextOpenUniform() * (fHigh - fLow);
            if (y < ZigguratTables.f(x)) {
                return x;
            }
            bits = nextLong();
        }
    }

    /** Marsaglia's tail method: r + e1/r for exponentials e1, e2 with 2·e2 &gt; (e1/r)². */
    private double tail() {
        double r = ZigguratTables.R;
        while (true) {
            double x = -Math.log(nextOpenUniform()) / r;
            double y = -Math.log(nextOpenUniform());
            if (y + y > x * x) {
                return r + x;
            }
        }
    }
}
