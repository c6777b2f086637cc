package org.leakbench.model;

/**
 * Where one parameter lives in the PyTorch {@code state_dict()} of the same architecture: its key, and
 * whether the stored matrix is the transpose of ours (PyTorch keeps a linear weight as [out, in] where the
 * MLP and LeNet here keep [in, out]). Only a two-dimensional parameter can be transposed.
 */
public record TorchParam(String name, boolean transposed) {
    /** A parameter whose name and layout are PyTorch's. */
    public static TorchParam same(ParamShape p) {
        return new TorchParam(p.name(), false);
    }
}
