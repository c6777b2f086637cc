/**
 * Dense tensors and the {@link org.leakbench.tensor.Backend} interface of operations on them, with two
 * implementations chosen by name: {@code ejml} (pure Java, EJML for float64 matrix products) and {@code nd4j}
 * (ND4J on native CPU BLAS, or CUDA when built with {@code -P cuda}). Float32 by default, float64 for
 * exactness checks.
 *
 * <p>The pure-Java backend holds float32 tensors as float arrays and runs their convolutions
 * ({@code SimdConv}: implicit-GEMM over stride-phase images), matrix products ({@code SimdGemm}) and
 * element-wise maps ({@code SimdKernels}) on the JDK's Vector API when the JVM resolves
 * {@code jdk.incubator.vector} ({@link org.leakbench.tensor.SimdSupport}); otherwise the scalar float loops of
 * {@code JavaKernels} run, with convolutions and products widened to the double loops of {@code JavaConv} and
 * EJML that float64 always uses. Distances and the sigmoid's gradient have fused forms
 * ({@link org.leakbench.tensor.Backend#sumOfSquaredDifferences} and others) that a backend may implement in
 * one pass.
 */
package org.leakbench.tensor;
