package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackResult;

/** How an attack's status becomes a row status: a run stopped early is neither a measurement nor a divergence. */
class AttackOutcomeTest {
    @Test
    void okAndDivergedPassThrough() {
        assertEquals("ok", AttackOutcome.status(AttackResult.OK));
        assertEquals("diverged", AttackOutcome.status(AttackResult.DIVERGED));
    }

    @Test
    void aStoppedAttackFailsThePointSayingWhy() {
        for (String stopped : new String[] {AttackResult.CANCELLED, AttackResult.TIMEOUT}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> AttackOutcome.status(stopped));
            assertEquals("attack stopped before it finished (" + stopped + ")", e.getMessage());
        }
    }

    @Test
    void aFailedAttackFailsThePointWithItsReason() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> AttackOutcome.status("failed: no signal"));
        assertEquals("no signal", e.getMessage());
    }
}
