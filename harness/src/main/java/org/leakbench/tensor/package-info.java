/**
 * Dense float32/float64 tensors and the operations on them. {@link org.leakbench.tensor.Backend} is the
 * interface; {@link org.leakbench.tensor.JavaBackend} ("ejml", pure Java) and
 * {@link org.leakbench.tensor.Nd4jBackend} ("nd4j", native CPU or CUDA) implement it with the same
 * semantics, and {@link org.leakbench.tensor.Backends} picks one by name. A backend that cannot start
 * says why in one sentence through {@link org.leakbench.tensor.BackendUnavailableException}.
 */
package org.leakbench.tensor;
