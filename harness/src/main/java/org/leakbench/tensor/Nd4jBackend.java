package org.leakbench.tensor;

/** The ND4J backend ("nd4j"): native CPU (OpenBLAS/MKL) or CUDA, whichever is on the class path. */
public final class Nd4jBackend {
    public static final String NAME = "nd4j";

    private Nd4jBackend() {
    }

    static Backend create() {
        throw new UnsupportedOperationException("the nd4j backend is not implemented yet");
    }
}
