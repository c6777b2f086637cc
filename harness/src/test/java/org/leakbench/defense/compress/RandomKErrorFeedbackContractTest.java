package org.leakbench.defense.compress;

import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

class RandomKErrorFeedbackContractTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return new RandomKCompression(new SparsificationOptions(0.2, true));
    }

    @Override
    protected boolean claimsCompression() {
        return true;
    }
}
