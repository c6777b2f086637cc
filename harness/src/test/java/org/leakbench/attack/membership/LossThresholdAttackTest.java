package org.leakbench.attack.membership;

class LossThresholdAttackTest extends MembershipAttackContractTest {
    @Override
    MembershipAttack attack() {
        return new LossThresholdAttack();
    }
}
