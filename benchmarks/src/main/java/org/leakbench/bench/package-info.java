/**
 * JMH benchmarks of LeakBench's hot paths, one class per path, all with the same defaults (one fork, three
 * warm-up and five measured iterations of a second, one JMH thread) that the suite runner overrides for its
 * quick and paper settings: model gradients ({@link org.leakbench.bench.GradientBench}), gradient-inversion
 * objective evaluations ({@link org.leakbench.bench.InversionStepBench}), DP-SGD against plain steps
 * ({@link org.leakbench.bench.PerExampleGradientBench}), the GEMM rate ({@link org.leakbench.bench.GemmBench}),
 * noise samplers, secure-aggregation masking, update compression and the privacy accountant. Benchmarks with a
 * {@code backend} parameter run on "java" and "nd4j"; {@link org.leakbench.bench.Workload} builds their models.
 */
package org.leakbench.bench;
