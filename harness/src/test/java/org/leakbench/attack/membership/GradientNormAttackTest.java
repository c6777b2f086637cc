package org.leakbench.attack.membership;

class GradientNormAttackTest extends MembershipAttackContractTest {
    @Override
    MembershipAttack attack() {
        return new GradientNormAttack();
    }
}
