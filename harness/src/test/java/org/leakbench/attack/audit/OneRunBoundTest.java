package org.leakbench.attack.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The one-run bound of Steinke, Nasr, Jagielski 2023 against an independent evaluation of the same theorem: exact
 * binomial sums at 40 digits (mpmath), the δ term summed the same way, ε̂ by bisection; and its closed form when
 * every guess is right and δ = 0 (p^r = β, so ε̂ = ln(p/(1 − p)) with p = β^(1/r)).
 */
class OneRunBoundTest {
    @Test
    void pValueMatchesExactSums() {
        assertEquals(0.0715562468048367, OneRunBound.pValue(1000, 100, 80, 1.0, 0), 1e-12);
        assertEquals(0.0730091159491777, OneRunBound.pValue(1000, 100, 80, 1.0, 1e-5), 1e-12);
        assertEquals(0.238681655091203, OneRunBound.pValue(1000, 200, 180, 2.0, 1e-5), 1e-12);
        assertEquals(0.0905264459159445, OneRunBound.pValue(500, 50, 50, 3.0, 1e-5), 1e-12);
    }

    @Test
    void epsilonMatchesExactSums() {
        assertEquals(0.958392045292099, OneRunBound.epsilon(1000, 100, 80, 0.05, 0), 1e-9);
        assertEquals(0.955318534955255, OneRunBound.epsilon(1000, 100, 80, 0.05, 1e-5), 1e-9);
        assertEquals(1.79628507067094, OneRunBound.epsilon(1000, 200, 180, 0.05, 1e-5), 1e-9);
    }

    @Test
    void allGuessesRightHasAClosedForm() {
        for (int r : new int[] {5, 40, 300}) {
            double p = Math.pow(0.05, 1.0 / r);
            assertEquals(Math.log(p / (1 - p)), OneRunBound.epsilon(2 * r, r, r, 0.05, 0), 1e-9);
        }
    }

    @Test
    void chanceLevelGuessesGiveNothing() {
        assertEquals(0.0, OneRunBound.epsilon(1000, 200, 100, 0.05, 1e-5));
    }

    @Test
    void refusesMoreHitsThanGuesses() {
        var e = assertThrows(IllegalArgumentException.class, () -> OneRunBound.pValue(10, 4, 5, 1, 0));
        assertEquals("one-run bound: need 0 <= correct <= guesses <= canaries, got 5, 4, 10", e.getMessage());
    }
}
