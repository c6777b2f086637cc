package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.leakbench.tensor.cpu.JavaBackend;

/**
 * The backend contract for the pure-Java backend. The build runs it twice: with the Vector API, and with
 * {@code -Dleakbench.simd=false} for the scalar float32 loops.
 */
class JavaBackendTest extends BackendContractTest {
    private static final Backend BACKEND = new JavaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Test
    @EnabledIfSystemProperty(named = SimdSupport.PROPERTY, matches = "false")
    void theScalarRunReallyRunsWithoutTheVectorApi() {
        assertFalse(SimdSupport.enabled());
        assertTrue(BACKEND.description().contains("scalar loops"), BACKEND.description());
    }
}
