package org.leakbench.attack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ManyRunAuditTest {
    @Test
    void perfectSeparationGivesTheClopperPearsonCap() {
        // Every trial on the right side of the threshold: TPR >= (α/2)^(1/n) and FPR <= 1 − (α/2)^(1/n).
        int n = 200;
        double a = 0.05 / 2;
        double tpr = Math.pow(a, 1.0 / n);
        double fpr = 1 - Math.pow(a, 1.0 / n);
        double expected = Math.log((tpr - 1e-5) / fpr);
        assertEquals(expected, ManyRunAudit.bound(n, n, 0, n, 0.05, 1e-5), 1e-9);
        double[] in = new double[2 * n];
        double[] out = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            in[i] = 10 + i;
            out[i] = -10 - i;
        }
        EpsilonLowerBound b = ManyRunAudit.estimate(in, out, 0.95, 1e-5);
        assertEquals(expected, b.epsilon(), 1e-9); // bounded on the second half, n trials a side
        assertEquals(4 * n, b.trials());
    }

    @Test
    void theComplementInequalityCountsToo() {
        // A test that never fires on "out" trials but only on half of the "in" ones: FPR⁺ is tiny, so the first
        // inequality wins; with roles of the rates swapped (fires on all "in", half the "out") the second does.
        double first = ManyRunAudit.bound(500, 1000, 0, 1000, 0.05, 0);
        double second = ManyRunAudit.bound(1000, 1000, 500, 1000, 0.05, 0);
        double tpr = ClopperPearson.lower(1000, 1000, 0.025);
        double fpr = ClopperPearson.upper(500, 1000, 0.025);
        assertEquals(Math.log((1 - fpr) / (1 - tpr)), second, 1e-12);
        double tpr1 = ClopperPearson.lower(500, 1000, 0.025);
        double fpr1 = ClopperPearson.upper(0, 1000, 0.025);
        assertEquals(Math.log(tpr1 / fpr1), first, 1e-12);
        assertTrue(Math.log(tpr1 / fpr1) > Math.log((1 - fpr1) / (1 - tpr1)));
    }

    @Test
    void identicalDistributionsGiveLittle() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] in = new double[2000];
        double[] out = new double[2000];
        for (int i = 0; i < in.length; i++) {
            in[i] = rng.nextDouble();
            out[i] = rng.nextDouble();
        }
        assertTrue(ManyRunAudit.estimate(in, out, 0.95, 1e-5).epsilon() < 0.2);
    }

    @Test
    void refusesTooFewTrials() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> ManyRunAudit.estimate(new double[] {1}, new double[] {0, 1}, 0.95, 1e-5));
        assertEquals(
                "many-run audit: need at least 2 trials with and 2 without the canary, got 1 and 2", e.getMessage());
    }
}
