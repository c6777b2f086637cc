package org.leakbench.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PerplexityTest {
    @Test
    void aUniformGuessOverVTokensHasPerplexityV() {
        assertEquals(68.0, Perplexity.fromMeanLoss(Math.log(68)), 1e-9);
        assertEquals(1.0, Perplexity.fromMeanLoss(0.0), 0.0);
        assertEquals(Math.exp(2.5), Perplexity.fromMeanLoss(2.5), 1e-12);
        assertEquals(8.0, Perplexity.fromMeanBits(3.0), 1e-9);
    }

    @Test
    void refusesLossesThatAreNotAFiniteNonNegativeNumber() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Perplexity.fromMeanLoss(bad));
            assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
        }
    }
}
