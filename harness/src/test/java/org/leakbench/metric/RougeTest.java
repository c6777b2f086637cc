package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RougeTest {
    @Test
    void rougeTwoCountsClippedBigramsOverBothLengths() {
        // truth bigrams: (1,2) (2,3) (3,1) (1,2); recon bigrams: (1,2) (2,1) (1,2): overlap 2 (clipped at 2).
        // precision 2/3, recall 2/4, F = 2·(2/3)(1/2)/(2/3 + 1/2) = 4/7.
        assertEquals(4.0 / 7, Rouge.f(new int[] {1, 2, 3, 1, 2}, new int[] {1, 2, 1, 2}, 2), 1e-12);
    }

    @Test
    void rougeOneIgnoresOrderAndRougeTwoDoesNot() {
        int[] truth = {4, 5, 6};
        int[] reversed = {6, 5, 4};
        assertEquals(1.0, Rouge.f(truth, reversed, 1), 1e-12);
        assertEquals(0.0, Rouge.f(truth, reversed, 2), 1e-12);
    }

    @Test
    void anIdThatIsNoTokenMatchesNothing() {
        // recon bigrams (-1,2) (2,3): only (2,3) can match; precision 1/2, recall 1/2.
        assertEquals(0.5, Rouge.f(new int[] {1, 2, 3}, new int[] {-1, 2, 3}, 2), 1e-12);
        assertEquals(0.0, Rouge.f(new int[] {0}, new int[] {-1}, 1), 1e-12);
    }

    @Test
    void windowsShorterThanTheGramHaveNoScore() {
        assertTrue(Double.isNaN(Rouge.f(new int[] {1}, new int[] {1}, 2)));
        assertThrows(IllegalArgumentException.class, () -> Rouge.f(new int[] {1}, new int[] {1}, 0));
    }
}
