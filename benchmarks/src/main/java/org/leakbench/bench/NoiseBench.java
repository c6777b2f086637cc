package org.leakbench.bench;

import java.security.SecureRandom;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.leakbench.defense.dp.BoxMullerSampler;
import org.leakbench.defense.dp.DiscreteGaussianSampler;
import org.leakbench.defense.dp.FastGaussianSampler;
import org.leakbench.defense.dp.LaplaceSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Noise samples per second on one thread. Every score is per sample ({@code @OperationsPerInvocation}):
 * the fast Gaussian ({@code fastGaussian}: the Box–Muller sampler that {@code dp.noise=fast} takes), the ziggurat it
 * replaced ({@code zigguratGaussian}, the reference for its speed-up), a plain float fill of the same array (the write rate the noise could reach), the JDK's generators as references, the Laplace sampler, and the exact
 * discrete Gaussian over a DRBG at several σ. {@code memoryFill} and {@code fastGaussianLarge} repeat the fill
 * and the Gaussian on a 256 MiB array, past the last-level cache: the machine's write bandwidth for one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NoiseBench extends RunLengthDefaults {
    static final int SIZE = 1_000_000;
    static final int DISCRETE_BATCH = 10_000;
    /** Floats in the large array: 256 MiB, larger than the last-level cache of current server CPUs. */
    static final int LARGE = 64 << 20;

    /** Floating-point samplers filling a float[1e6]. */
    @State(Scope.Thread)
    public static class Floats {
        final float[] out = new float[SIZE];
        float fillValue = 1f;
        BoxMullerSampler fast;
        FastGaussianSampler ziggurat;
        SplittableRandom splittable;
        Random random;
        LaplaceSampler laplace;

        @Setup(Level.Trial)
        public void setUp() {
            fast = new BoxMullerSampler(1);
            ziggurat = new FastGaussianSampler(1);
            splittable = new SplittableRandom(1);
            random = new Random(1);
            laplace = new LaplaceSampler(1);
        }
    }

    /** One float array of {@link #LARGE} elements, so that every write goes to memory. */
    @State(Scope.Thread)
    public static class Large {
        final float[] out = new float[LARGE];
        float fillValue = 1f;
        BoxMullerSampler fast;

        @Setup(Level.Trial)
        public void setUp() {
            fast = new BoxMullerSampler(1);
        }
    }

    /** The exact discrete Gaussian at σ (integer, so the arithmetic stays on longs). */
    @State(Scope.Thread)
    public static class Discrete {
        @Param({"1", "100", "1000"})
        public long sigma;

        final long[] out = new long[DISCRETE_BATCH];
        DiscreteGaussianSampler sampler;

        @Setup(Level.Trial)
        public void setUp() {
            SecureRandom source = DiscreteGaussianSampler.defaultRandom();
            sampler = DiscreteGaussianSampler.ofSigmaSquared(sigma * sigma, 1, source);
        }
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public float[] fastGaussian(Floats s) {
        s.fast.fill(s.out, 1.0);
        return s.out;
    }

    /** The ziggurat sampler that {@code fast} was before the Box–Muller sampler: the speed-up's reference. */
    @Benchmark
    @OperationsPerInvocation(SIZE)
    public float[] zigguratGaussian(Floats s) {
        s.ziggurat.fill(s.out, 1.0);
        return s.out;
    }

    /** A plain fill of the same array: the write rate the noise could at best reach. */
    @Benchmark
    @OperationsPerInvocation(SIZE)
    public float[] floatFill(Floats s) {
        java.util.Arrays.fill(s.out, s.fillValue);
        s.fillValue += 1f; // a new value every call, so no call can be skipped
        return s.out;
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public float[] splittableRandomNextGaussian(Floats s) {
        float[] out = s.out;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) s.splittable.nextGaussian();
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public float[] utilRandomNextGaussian(Floats s) {
        float[] out = s.out;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) s.random.nextGaussian();
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(SIZE)
    public float[] laplace(Floats s) {
        s.laplace.fill(s.out, 1.0);
        return s.out;
    }

    @Benchmark
    @OperationsPerInvocation(DISCRETE_BATCH)
    public long[] discreteGaussian(Discrete s) {
        s.sampler.fill(s.out);
        return s.out;
    }

    /** A plain fill of 256 MiB: one thread's memory write bandwidth, the ceiling for noise at memory scale. */
    @Benchmark
    @OperationsPerInvocation(LARGE)
    public float[] memoryFill(Large s) {
        java.util.Arrays.fill(s.out, s.fillValue);
        s.fillValue += 1f;
        return s.out;
    }

    /** The fast Gaussian into the same 256 MiB: noise at memory scale, against {@link #memoryFill}. */
    @Benchmark
    @OperationsPerInvocation(LARGE)
    public float[] fastGaussianLarge(Large s) {
        s.fast.fill(s.out, 1.0);
        return s.out;
    }
}
