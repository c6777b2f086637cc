package org.leakbench.defense.compress;

import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

class GradientPruningContractTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return new GradientPruning(new PruningOptions(0.5));
    }

    @Override
    protected boolean claimsCompression() {
        return false;
    }
}
