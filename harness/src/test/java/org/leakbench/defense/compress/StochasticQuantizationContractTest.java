package org.leakbench.defense.compress;

import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

class StochasticQuantizationContractTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return new StochasticQuantization(new QuantizationOptions(4));
    }

    @Override
    protected boolean claimsCompression() {
        return true;
    }
}
