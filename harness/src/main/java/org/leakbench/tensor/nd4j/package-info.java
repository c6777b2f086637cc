/**
 * The ND4J backend ({@link org.leakbench.tensor.nd4j.Nd4jBackend}): ND4J on native CPU BLAS, or CUDA when built
 * with {@code -P cuda}. Nothing here loads ND4J until the backend is asked for: starting it loads native code,
 * and every way that can fail becomes one {@link org.leakbench.tensor.BackendUnavailableException}.
 */
package org.leakbench.tensor.nd4j;
