package org.leakbench.defense.compress;

import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

class TopKErrorFeedbackContractTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return new TopKCompression(new SparsificationOptions(0.1, true));
    }

    @Override
    protected boolean claimsCompression() {
        return true;
    }
}
