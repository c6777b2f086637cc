package org.leakbench.autodiff;

import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;

class JavaLayerOpsTest extends LayerOpsContractTest {
    @Override
    protected Backend backend() {
        return Backends.get("java");
    }
}
