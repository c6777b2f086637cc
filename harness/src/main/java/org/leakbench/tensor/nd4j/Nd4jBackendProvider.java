package org.leakbench.tensor.nd4j;

import org.leakbench.tensor.Backend;
import org.leakbench.tensor.BackendProvider;

/**
 * Makes the ND4J backend known to {@link org.leakbench.tensor.Backends}. Loading this class loads no ND4J
 * class; {@link #create()} starts the native code.
 */
public final class Nd4jBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return Nd4jBackend.NAME;
    }

    @Override
    public Backend create() {
        return Nd4jBackend.create();
    }
}
