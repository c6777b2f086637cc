/**
 * Dense tensors and the {@link org.leakbench.tensor.Backend} interface of operations on them, with the pieces
 * every backend shares: shapes and broadcasting ({@link org.leakbench.tensor.Shape},
 * {@link org.leakbench.tensor.BroadcastMap}), the checks of products and convolutions
 * ({@link org.leakbench.tensor.MatmulShape}, {@link org.leakbench.tensor.Conv2dSpec}) and the choice of a
 * backend by name ({@link org.leakbench.tensor.Backends}). Float32 by default, float64 for exactness checks.
 *
 * <p>The implementations live in sub-packages and register themselves as
 * {@link org.leakbench.tensor.BackendProvider}s, so this package names none of them: {@code cpu} (pure Java,
 * the Vector API for float32 where the JVM has it) and {@code nd4j} (ND4J on native BLAS or CUDA). Distances
 * and the sigmoid's gradient have fused forms ({@link org.leakbench.tensor.Backend#sumOfSquaredDifferences}
 * and others) that a backend may implement in one pass.
 */
package org.leakbench.tensor;
