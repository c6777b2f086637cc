/**
 * Dense tensors and the {@link org.leakbench.tensor.Backend} interface of operations on them, with two
 * implementations chosen by name: {@code ejml} (pure Java, EJML for matrix products) and {@code nd4j}
 * (ND4J on native CPU BLAS, or CUDA when built with {@code -P cuda}). Float32 by default, float64 for
 * exactness checks.
 */
package org.leakbench.tensor;
