package org.leakbench.bench;

import java.util.SplittableRandom;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A square float32 product C = A·B through the backend's {@code matmul}: 2n³ floating-point operations, so
 * the time per op gives the machine's practical GEMM rate per backend, the peak that compute-bound results
 * are quoted against (the comparison table divides 2n³ by the time).
 */
public class GemmBench extends SampledBenchmark {
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
        a = Workload.uniform(be, new SplittableRandom(1), size, size);
        b = Workload.uniform(be, new SplittableRandom(2), size, size);
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
