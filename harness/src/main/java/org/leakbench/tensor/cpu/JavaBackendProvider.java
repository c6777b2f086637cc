package org.leakbench.tensor.cpu;

import java.util.List;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.BackendProvider;

/** Makes the pure-Java backend known to {@link org.leakbench.tensor.Backends}. */
public final class JavaBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return JavaBackend.NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of(JavaBackend.FORMER_NAME);
    }

    @Override
    public Backend create() {
        return new JavaBackend();
    }
}
