package org.leakbench.defense.compress;

import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.UpdateDefenseContractTest;

class SignCompressionContractTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return new SignCompression(new SignOptions(false));
    }

    @Override
    protected boolean claimsCompression() {
        return true;
    }
}
