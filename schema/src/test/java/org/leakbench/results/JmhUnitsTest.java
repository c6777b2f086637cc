package org.leakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JmhUnitsTest {
    @Test
    void timePerOperationScalesToMilliseconds() {
        assertEquals(0.25, JmhUnits.millisPerOp(250, "us/op"), 1e-12);
        assertEquals(2000, JmhUnits.millisPerOp(2, "s/op"), 1e-9);
        assertEquals(3e-6, JmhUnits.millisPerOp(3, "ns/op"), 1e-18);
    }

    @Test
    void throughputInverts() {
        assertEquals(0.5, JmhUnits.millisPerOp(2000, "ops/s"), 1e-12);
        assertEquals(2, JmhUnits.millisPerOp(0.5, "ops/ms"), 1e-12);
    }

    @Test
    void otherUnitsAreNotANumber() {
        assertTrue(Double.isNaN(JmhUnits.millisPerOp(1, "B/op")));
        assertTrue(Double.isNaN(JmhUnits.millisPerOp(1, "ops")));
        assertTrue(Double.isNaN(JmhUnits.millisPerOp(1, "ops/week")));
    }
}
