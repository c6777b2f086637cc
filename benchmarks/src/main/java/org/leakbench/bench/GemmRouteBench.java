package org.leakbench.bench;

import java.util.SplittableRandom;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The pure-Java backend's two routes for large float32 products side by side: OpenBLAS through JavaCPP (its
 * default where the natives load) and the packed Vector API kernel ({@code -Dleakbench.java.gemm=vector}).
 * Each JMH fork chooses its route before its first large product, so the two never share a JVM. Compare with
 * {@link GemmBench}'s ND4J rows for the share of the best BLAS on the machine.
 */
public class GemmRouteBench extends SampledBenchmark {
    /** The system property the java backend reads on its first large product. */
    static final String ROUTE_PROPERTY = "leakbench.java.gemm";

    @Param({"auto", "vector"})
    public String route;

    @Param({"256", "512", "1024"})
    public int size;

    private Backend be;
    private Tensor a;
    private Tensor b;

    @Setup
    public void setup() {
        System.setProperty(ROUTE_PROPERTY, route);
        be = Workload.backend("java");
        a = Workload.uniform(be, new SplittableRandom(1), size, size);
        b = Workload.uniform(be, new SplittableRandom(2), size, size);
    }

    @Benchmark
    public Tensor matmul() {
        return be.matmul(a, b);
    }
}
