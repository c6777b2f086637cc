package org.leakbench.defense.dp;

import java.util.SplittableRandom;
import org.leakbench.tensor.SimdSupport;

/**
 * Fast floating-point N(0, σ²) noise on the Vector API: sixteen xoshiro128++ generators (Blackman and Vigna
 * 2021) side by side, each pair of their 32-bit words turned into two normals by the Box–Muller transform with
 * polynomial logarithm, sine and cosine ({@link BoxMullerMath}). No table lookups and no rejection, so every lane
 * does the same work: unlike the ziggurat ({@link FastGaussianSampler}), whose accept test and table loads
 * kept a vectorised version slower than its scalar loop, this vectorises completely.
 *
 * <p>Samples come in blocks of 32: word pairs of generator k give samples k (r cos θ) and 16 + k (r sin θ).
 * The stream does not depend on the machine: the scalar path ({@link #SCALAR} or a JVM without the Vector API)
 * and any vector width that divides 16 give the same floats, bit for bit, and a call that ends inside a block
 * keeps the rest for the next call, so the stream does not depend on how it is cut into calls either. Tails
 * beyond 6.66σ are cut off (see {@link BoxMullerMath}). Not for deployments that must resist floating-point
 * attacks (Mironov 2012): use {@link DiscreteGaussianSampler}. Not thread-safe.
 */
public final class BoxMullerSampler implements NoiseSource {
    /** Generators side by side; samples per block is twice this. */
    static final int STREAMS = 16;

    static final int BLOCK = 2 * STREAMS;
    /** Samples per call of the vector path: its scratch arrays (16 KiB) stay in the first-level cache. */
    static final int CHUNK = 64 * BLOCK;

    private static final boolean VECTOR = SimdSupport.enabled() && SimdBoxMuller.fits(STREAMS);

    /** Generator states, one array per state word, indexed by generator. */
    final int[] s0 = new int[STREAMS];

    final int[] s1 = new int[STREAMS];
    final int[] s2 = new int[STREAMS];
    final int[] s3 = new int[STREAMS];
    /** The vector path's scratch (see {@link SimdBoxMuller}): the generators' words, the samples' float bits. */
    final int[] w1;

    final int[] w2;
    final int[] bits;
    private final boolean vector;
    /** Unit normals of a block a call stopped inside, from {@link #spareNext} on. */
    private final float[] spare = new float[BLOCK];

    private int spareNext = BLOCK;

    public BoxMullerSampler(SplittableRandom random) {
        this(random, VECTOR);
    }

    public BoxMullerSampler(long seed) {
        this(new SplittableRandom(seed));
    }

    /** A sampler on the scalar path whatever the JVM offers (tests compare the two paths). */
    static BoxMullerSampler scalar(long seed) {
        return new BoxMullerSampler(new SplittableRandom(seed), false);
    }

    private BoxMullerSampler(SplittableRandom random, boolean vector) {
        this.vector = vector;
        this.w1 = vector ? new int[CHUNK / 2] : null;
        this.w2 = vector ? new int[CHUNK / 2] : null;
        this.bits = vector ? new int[CHUNK] : null;
        for (int k = 0; k < STREAMS; k++) {
            long a = random.nextLong();
            long b = random.nextLong();
            if ((a | b) == 0) {
                a = 1; // xoshiro's one forbidden state
            }
            s0[k] = (int) a;
            s1[k] = (int) (a >>> 32);
            s2[k] = (int) b;
            s3[k] = (int) (b >>> 32);
        }
    }

    /** Fills {@code out} with independent N(0, σ²) samples. */
    public void fill(float[] out, double sigma) {
        generate(out, checkedSigma(sigma), false, 1f);
    }

    @Override
    public void addTo(float[] values, double sigma) {
        generate(values, checkedSigma(sigma), true, 1f);
    }

    /** In the same pass as the samples are added (times 1 changes no float, so addTo shares it). */
    @Override
    public void addToAndMultiply(float[] values, double sigma, float factor) {
        generate(values, checkedSigma(sigma), true, factor);
    }

    @Override
    public String name() {
        return NoiseSources.FAST;
    }

    private void generate(float[] out, float sigma, boolean add, float factor) {
        int i = 0;
        int n = out.length;
        while (spareNext < BLOCK && i < n) {
            out[i] = emit(out[i], spare[spareNext++], sigma, add, factor);
            i++;
        }
        int whole = i + (n - i) / BLOCK * BLOCK;
        if (vector) {
            for (int at = i; at < whole; at += CHUNK) {
                SimdBoxMuller.blocks(this, out, at, Math.min(whole, at + CHUNK), sigma, add, factor);
            }
        } else {
            for (int at = i; at < whole; at += BLOCK) {
                scalarBlock(out, at, sigma, add, factor);
            }
        }
        i = whole;
        if (i < n) {
            scalarBlock(spare, 0, 1f, false, 1f); // overwrites the whole block
            spareNext = 0;
            while (i < n) {
                out[i] = emit(out[i], spare[spareNext++], sigma, add, factor);
                i++;
            }
        }
    }

    /** One block of 32 samples into out[at ..] on the scalar path. */
    private void scalarBlock(float[] out, int at, float sigma, boolean add, float factor) {
        float[] pair = new float[2];
        for (int k = 0; k < STREAMS; k++) {
            int w1 = next(k);
            int w2 = next(k);
            BoxMullerMath.pair(w1, w2, pair, 0, 1);
            out[at + k] = emit(out[at + k], pair[0], sigma, add, factor);
            out[at + STREAMS + k] = emit(out[at + STREAMS + k], pair[1], sigma, add, factor);
        }
    }

    /** xoshiro128++: the next word of generator k. */
    private int next(int k) {
        int a = s0[k];
        int b = s1[k];
        int c = s2[k];
        int d = s3[k];
        int result = Integer.rotateLeft(a + d, 7) + a;
        int t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = Integer.rotateLeft(d, 11);
        s0[k] = a;
        s1[k] = b;
        s2[k] = c;
        s3[k] = d;
        return result;
    }

    private static float emit(float old, float z, float sigma, boolean add, float factor) {
        return add ? (old + z * sigma) * factor : z * sigma;
    }

    private static float checkedSigma(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma) || (float) sigma == Float.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        return (float) sigma;
    }
}
