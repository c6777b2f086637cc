package org.leakbench.defense.compress;

import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

class OneBitQuantizationContractTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return new StochasticQuantization(new QuantizationOptions(1));
    }

    @Override
    protected boolean claimsCompression() {
        return true;
    }
}
