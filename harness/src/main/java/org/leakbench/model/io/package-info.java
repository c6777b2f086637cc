/**
 * Weight files shared with PyTorch: a reader and writer of the safetensors layout ({@link
 * org.leakbench.model.io.SafetensorsReader}, {@link org.leakbench.model.io.SafetensorsWriter}) and the
 * mapping between a model's parameters and PyTorch's {@code state_dict()} names and layouts ({@link
 * org.leakbench.model.io.TorchWeights}). Every error names the file and the tensor at fault.
 */
package org.leakbench.model.io;
