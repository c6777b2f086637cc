package org.leakbench.autodiff;

import org.junit.jupiter.api.BeforeAll;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Nd4jTestBackend;

/**
 * The layer-operation contract on the ND4J backend (skipped only on the CUDA build without a GPU; on the CPU build
 * ND4J must start).
 */
class Nd4jLayerOpsTest extends LayerOpsContractTest {
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
