package org.leakbench.defense.compress;

import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

class SignErrorFeedbackContractTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return new SignCompression(new SignOptions(true));
    }

    @Override
    protected boolean claimsCompression() {
        return true;
    }
}
