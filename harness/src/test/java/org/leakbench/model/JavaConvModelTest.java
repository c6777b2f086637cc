package org.leakbench.model;

import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;

class JavaConvModelTest extends ConvModelContractTest {
    @Override
    protected Backend backend() {
        return Backends.get("java");
    }
}
