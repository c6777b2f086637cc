package org.leakbench.autodiff;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.BackendUnavailableException;
import org.leakbench.tensor.Backends;

/** The autodiff contract on the ND4J backend (skipped where ND4J cannot start, e.g. a CUDA build without GPU). */
class Nd4jAutodiffTest extends AutodiffContractTest {
    private static Backend backend;

    @BeforeAll
    static void start() {
        try {
            backend = Backends.get("nd4j");
        } catch (BackendUnavailableException e) {
            Assumptions.abort(e.getMessage());
        }
    }

    @Override
    protected Backend backend() {
        return backend;
    }
}
