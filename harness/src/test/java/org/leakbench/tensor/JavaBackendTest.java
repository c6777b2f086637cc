package org.leakbench.tensor;

/** The backend contract for the pure-Java backend. */
class JavaBackendTest extends BackendContractTest {
    private static final Backend BACKEND = new JavaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
