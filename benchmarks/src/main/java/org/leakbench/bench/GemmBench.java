package org.leakbench.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A square float32 product C = A·B through the backend's {@code matmul}: 2n³ floating-point operations, so
 * the time per op gives the machine's practical GEMM rate per backend, the peak that compute-bound results
 * are quoted against (the comparison table divides 2n³ by the time).
 *
 * <p>Sample mode times every operation; the comparison table quotes the median, which a busy machine's
 * stalls barely move and which is what the PyTorch reference reports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GemmBench {
    @Param({"java", "nd4j"})
    public String backend;

    @Param({"256", "512", "1024"})
    public int size;

    private Backend be;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setup() {
        be = Workload.backend(backend);
        a = random(be, size, 1);
        b = random(be, size, 2);
    }

    static Tensor random(Backend be, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] v = new float[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return be.fromFloats(v, n, n);
    }

    @Benchmark
    public Tensor matmul() {
        return be.matmul(a, b);
    }

    /** Floating-point operations of one product of two n×n matrices. */
    public static double flop(int n) {
        return 2.0 * n * n * n;
    }
}
