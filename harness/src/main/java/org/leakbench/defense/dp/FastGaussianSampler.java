package org.leakbench.defense.dp;

import java.util.SplittableRandom;
import org.leakbench.tensor.SimdSupport;

/**
 * Fast floating-point N(0, σ²) noise for experiments: a 256-layer ziggurat ({@link ZigguratTables}) driven by
 * an inlined SplitMix64 generator (the generator inside {@link SplittableRandom}), one 64-bit word per sample
 * on the fast path: bits 0–7 pick the layer, bit 8 the sign, bits 11–63 the uniform, so no bits are shared.
 * {@link #fill} and {@link #addTo} make the words ahead a chunk at a time, on the Vector API where it is on
 * ({@link SimdGaussian}); the samples are the same either way.
 *
 * <p>Seeded from a {@link SplittableRandom}; the same seed gives the same noise, bit for bit. Not for
 * deployments that must resist floating-point attacks (Mironov 2012): use {@link DiscreteGaussianSampler}.
 * Not thread-safe: give each thread its own instance from {@code split()}.
 */
public final class FastGaussianSampler implements NoiseSource {
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Whether fill and addTo take their generator words from the Vector API ({@link SimdGaussian}). */
    private static final boolean VECTOR = SimdSupport.enabled() && SimdGaussian.worthwhile();
    /** Words made ahead per chunk: a few rejections' worth, and small enough to stay in the L1 cache. */
    private static final int WORDS = 256;

    private long state;

    public FastGaussianSampler(SplittableRandom random) {
        this.state = random.nextLong();
    }

    public FastGaussianSampler(long seed) {
        this(new SplittableRandom(seed));
    }

    /** SplitMix64's output function (Steele, Lea, Flood 2014). */
    static long mix(long z) {
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
    @Override
    public void addTo(float[] values, double sigma) {
        checkSigma(sigma);
        generate(values, sigma, true);
    }

    /**
     * The hot loop. The generator's words are made a chunk at a time ({@link #words}), so that the Vector API can
     * make them; a word the fast path rejects goes to the slow path, which draws its extra words from the
     * generator itself. Those are the next words of the chunk, so the loop skips as many and goes on: the stream
     * is that of {@link #nextGaussian()}, with or without the Vector API.
     */
    private void generate(float[] out, double sigma, boolean add) {
        final long[] accept = ZigguratTables.ACCEPT;
        final double[] scale = ZigguratTables.SCALE;
        long[] words = new long[Math.min(WORDS, out.length)];
        int i = 0;
        while (i < out.length) {
            int m = Math.min(words.length, out.length - i); // every sample takes at least one word
            long s0 = state;
            words(s0, words, m);
            int k = 0;
            while (true) {
                // No call in this loop: with the slow path called inside it, the JIT compiled the whole loop
                // worse, 3.7 ns a sample against 1.5 with the call outside (and a stand-in slow path in both).
                for (; k < m; k++, i++) {
                    long bits = words[k];
                    int index = (int) bits & 0x1FF;
                    long j = bits >>> 11;
                    if (j >= accept[index & 0xFF]) {
                        break;
                    }
                    out[i] = emit(out[i], j * scale[index], sigma, add);
                }
                if (k >= m) {
                    break;
                }
                state = s0 + (k + 1) * GOLDEN_GAMMA;
                out[i] = emit(out[i], slowPath(words[k]), sigma, add);
                i++;
                k = wordsSince(s0, k + 1);
            }
            state = s0 + k * GOLDEN_GAMMA;
        }
    }

    /** words[k] = the generator's word k + 1 steps after {@code s0}, for k below n. */
    private static void words(long s0, long[] words, int n) {
        if (VECTOR) {
            SimdGaussian.words(s0, words, n);
            return;
        }
        long s = s0;
        for (int k = 0; k < n; k++) {
            s += GOLDEN_GAMMA;
            words[k] = mix(s);
        }
    }

    /** How many words, at least {@code k}, the generator has made since it was at {@code s0}. */
    private int wordsSince(long s0, int k) {
        while (s0 + k * GOLDEN_GAMMA != state) {
            k++;
        }
        return k;
    }

    @Override
    public String name() {
        return NoiseSources.ZIGGURAT;
    }

    private static float emit(float old, double z, double sigma, boolean add) {
        return add ? (float) (old + z * sigma) : (float) (z * sigma);
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
