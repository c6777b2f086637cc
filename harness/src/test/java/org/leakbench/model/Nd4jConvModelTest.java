package org.leakbench.model;

import org.junit.jupiter.api.BeforeAll;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Nd4jTestBackend;

/** The convolutional models on the ND4J backend (skipped only on the CUDA build without a GPU). */
class Nd4jConvModelTest extends ConvModelContractTest {
    private static Backend backend;

    @BeforeAll
    static void start() {
        backend = Nd4jTestBackend.startOrSkipOnCudaWithoutGpu();
    }

    @Override
    protected Backend backend() {
        return backend;
    }
}
