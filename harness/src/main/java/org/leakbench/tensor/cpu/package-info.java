/**
 * The pure-Java backend ({@link org.leakbench.tensor.cpu.JavaBackend}): float32 tensors held as float arrays,
 * float64 as double arrays, computed on the calling thread (or a few op threads) without native code.
 *
 * <p>Float32 convolutions ({@code SimdConv}: implicit-GEMM over stride-phase images), matrix products
 * ({@code SimdGemm}; attention's batched products slice by slice, {@code BatchedProducts}) and element-wise
 * maps run on the JDK's Vector API when the JVM resolves {@code jdk.incubator.vector} ({@link org.leakbench.tensor.SimdSupport}); otherwise scalar float loops run,
 * with convolutions ({@code JavaConv}) and products (EJML) widened to the double loops that float64 always uses.
 */
package org.leakbench.tensor.cpu;
