package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenScoreTest {
    private static final float[][] TRUTH = {{1, 2, 3, 4}, {5, 6, 0, 1}};

    @Test
    void aPerfectBatchScoresOne() {
        TokenScore s = TokenScore.of(TRUTH, new float[][] {{1, 2, 3, 4}, {5, 6, 0, 1}}, 7);
        assertEquals(1.0, s.tokenAccuracy());
        assertEquals(1.0, s.tokenF1());
        assertEquals(1.0, s.exactFraction());
    }

    @Test
    void aPermutedBatchIsMatchedBeforeScoring() {
        TokenScore s = TokenScore.of(TRUTH, new float[][] {{5, 6, 0, 1}, {1, 2, 3, 4}}, 7);
        assertEquals(1.0, s.tokenAccuracy());
        assertEquals(1.0, s.tokenF1());
    }

    @Test
    void tokensAtTheWrongPlaceCountForF1OnlyAndWrongOnesForNeither() {
        // Sample 0: reversed (0 of 4 positions, all 4 unigrams); sample 1: two of four right in place.
        TokenScore s = TokenScore.of(TRUTH, new float[][] {{4, 3, 2, 1}, {5, 6, 3, 3}}, 7);
        assertEquals((0 + 0.5) / 2, s.tokenAccuracy(), 1e-12);
        // Sample 1: overlap 2 of 4 both ways, F1 0.5.
        assertEquals((1.0 + 0.5) / 2, s.tokenF1(), 1e-12);
        assertEquals(0.0, s.exactFraction());
    }

    @Test
    void repeatedTokensAreClippedInTheOverlap() {
        float[][] truth = {{2, 2, 3, 4}};
        TokenScore s = TokenScore.of(truth, new float[][] {{2, 2, 2, 2}}, 7);
        assertEquals(0.5, s.tokenAccuracy(), 1e-12);
        assertEquals(0.5, s.tokenF1(), 1e-12); // overlap 2: precision 2/4, recall 2/4
    }

    @Test
    void missingReconstructionsAndNonIdsCountAsWrong() {
        TokenScore s = TokenScore.of(TRUTH, new float[][] {{1, 2.5f, 9, -1}}, 7);
        assertEquals(0.25 / 2, s.tokenAccuracy(), 1e-12);
        assertEquals(0.25 / 2, s.tokenF1(), 1e-12);
    }

    @Test
    void aNanReconstructionScoresNaN() {
        TokenScore s = TokenScore.of(TRUTH, new float[][] {{1, 2, 3, 4}, {Float.NaN, 6, 0, 1}}, 7);
        assertTrue(Double.isNaN(s.tokenAccuracy()));
        assertTrue(Double.isNaN(s.tokenF1()));
    }

    @Test
    void relaxedWindowsDecodeToTheBestIdPerPosition() {
        float[][] relaxed = {{0.1f, 0.7f, 0.2f, 0.9f, 0f, 0.1f}, {0, 0, 1, Float.NaN, 0, 0}};
        float[][] ids = TokenScore.decodeRelaxed(relaxed, 2, 3);
        assertArrayEquals(new float[] {1, 0}, ids[0]);
        assertEquals(2f, ids[1][0]);
        assertTrue(Float.isNaN(ids[1][1]));
    }

    @Test
    void badShapesAndTruthAreRefusedWithTheirPlace() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TokenScore.of(TRUTH, new float[][] {{1, 2, 3}}, 7));
        assertEquals("token score: recon[0] has 3 values, expected 4", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> TokenScore.of(new float[][] {{1, 8}}, new float[0][], 7));
        assertEquals("token score: truth[0][1] = 8.0 is no token id in [0, 7)", e.getMessage());
    }

    @Test
    void rougeTwoMatchesTheBatchByBigramsAndCountsAMissingWindowAsZero() {
        // recon {5,6,0,1} pairs with truth 1 (ROUGE-2 = 1); truth 0 {1,2,3,4} is left unmatched: mean (1 + 0) / 2.
        TokenScore s = TokenScore.of(TRUTH, new float[][] {{5, 6, 0, 1}}, 7);
        assertEquals(0.5, s.rouge2(), 1e-12);
        assertEquals(0.5, s.exactFraction(), 1e-12);
        // {1,2,4,3} against {1,2,3,4}: bigrams (1,2) (2,4) (4,3) share only (1,2): F = 1/3.
        TokenScore swapped = TokenScore.of(new float[][] {{1, 2, 3, 4}}, new float[][] {{1, 2, 4, 3}}, 7);
        assertEquals(1.0 / 3, swapped.rouge2(), 1e-12);
        assertEquals(1.0, swapped.tokenF1(), 1e-12);
        assertEquals(0.0, swapped.exactFraction());
    }

    @Test
    void oneTokenWindowsHaveNoRougeTwo() {
        TokenScore s = TokenScore.of(new float[][] {{3}}, new float[][] {{3}}, 7);
        assertTrue(Double.isNaN(s.rouge2()));
        assertEquals(1.0, s.tokenF1());
    }
}
