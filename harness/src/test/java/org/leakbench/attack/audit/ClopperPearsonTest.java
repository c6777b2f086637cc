package org.leakbench.attack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Clopper–Pearson bounds against values computed independently: exact binomial sums at 40 digits (mpmath),
 * bisected, and the closed forms at 0 and n successes. The 5-of-20 interval is also the textbook one
 * (R's binom.test(5, 20): 0.08657147, 0.49104587).
 */
class ClopperPearsonTest {
    @Test
    void matchesExactBinomialSums() {
        assertEquals(0.0865714691014345, ClopperPearson.lower(5, 20, 0.025), 1e-12);
        assertEquals(0.491045871707958, ClopperPearson.upper(5, 20, 0.025), 1e-12);
        assertEquals(0.92961606752893, ClopperPearson.lower(98, 100, 0.025), 1e-12);
        assertEquals(0.997568663176057, ClopperPearson.upper(98, 100, 0.025), 1e-12);
        assertEquals(0.468549172971792, ClopperPearson.lower(500, 1000, 0.025), 1e-10);
        assertEquals(0.531450827028208, ClopperPearson.upper(500, 1000, 0.025), 1e-10);
        assertEquals(0.00204725866737227, ClopperPearson.lower(3, 400, 0.05), 1e-12);
        assertEquals(0.0192692292830882, ClopperPearson.upper(3, 400, 0.05), 1e-12);
    }

    @Test
    void closedFormsAtTheEnds() {
        // 0 successes: P[X <= 0] = (1 - p)^n = a; n successes: P[X >= n] = p^n = a.
        for (int n : new int[] {1, 7, 250, 5000}) {
            assertEquals(0.0, ClopperPearson.lower(0, n, 0.025));
            assertEquals(1 - Math.pow(0.025, 1.0 / n), ClopperPearson.upper(0, n, 0.025), 1e-12);
            assertEquals(Math.pow(0.025, 1.0 / n), ClopperPearson.lower(n, n, 0.025), 1e-12);
            assertEquals(1.0, ClopperPearson.upper(n, n, 0.025));
        }
    }

    @Test
    void refusesImpossibleCounts() {
        var e = assertThrows(IllegalArgumentException.class, () -> ClopperPearson.lower(5, 4, 0.05));
        assertEquals("Clopper-Pearson: need 0 <= successes <= trials and trials >= 1, got 5 of 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.upper(1, 4, 1.0));
    }
}
