package org.leakbench.autodiff;

import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;

class JavaAutodiffTest extends AutodiffContractTest {
    @Override
    protected Backend backend() {
        return Backends.get("ejml");
    }
}
