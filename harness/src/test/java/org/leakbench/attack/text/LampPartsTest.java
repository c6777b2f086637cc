package org.leakbench.attack.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** LAMP's bigram prior, its reorderings and its rounding, against hand-computed values. */
class LampPartsTest {
    @Test
    void bigramPriorScoresTheMeanNegativeLogLikelihoodWithSmoothing() {
        // Windows {0,1} -> 1 and {1,1} -> 0 over 2 tokens: unigrams 0:2, 1:4; bigrams 0->1: 1, 1->1: 2, 1->0: 1.
        BigramPrior p = BigramPrior.fit(2, new float[][] {{0, 1}, {1, 1}}, new int[] {1, 0});
        double k = BigramPrior.SMOOTHING;
        double first = Math.log((2 + k) / (6 + 2 * k));
        double next = Math.log((1 + k) / (1 + 2 * k)); // after 0: only 0->1 seen
        assertEquals(-(first + next) / 2, p.meanNll(new int[] {0, 1}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> p.meanNll(new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> BigramPrior.fit(2, new float[][] {{0.5f}}, null));
    }

    @Test
    void reorderingsAreTheMovesLampNames() {
        assertArrayEquals(new int[] {0, 3, 2, 1}, Reorderings.swap(4, 1, 3));
        assertArrayEquals(new int[] {2, 3, 0, 1}, Reorderings.rotate(4, 2));
        // span [1, 3) of 0 1 2 3 4 moved to start at 3: 0 3 4 1 2
        assertArrayEquals(new int[] {0, 3, 4, 1, 2}, Reorderings.moveSpan(5, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Reorderings.moveSpan(5, 4, 2, 0));
    }

    @Test
    void randomMovesArePermutations() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            int[] p = Reorderings.random(6, rng);
            int[] sorted = p.clone();
            Arrays.sort(sorted);
            assertArrayEquals(Reorderings.identity(6), sorted);
        }
    }

    @Test
    void roundingKeepsToTheTokensTheEmbeddingGradientShows() {
        org.leakbench.model.Transformer model = TextVictims.transformer(4, 30, 16, 1);
        TextVictims.Victim v = TextVictims.random(model, 2, 7);
        EmbeddingMatching m = new EmbeddingMatching(v.observation(), model, v.labels(), 0, 0);
        boolean[] inBatch = new boolean[30];
        for (float[] w : v.windows()) {
            for (float id : w) {
                inBatch[(int) id] = true;
            }
        }
        assertArrayEquals(inBatch, m.occurringTokens());
        TokenRounding rounding = new TokenRounding(m.tokenEmbeddings(), m.occurringTokens());
        SplittableRandom rng = new SplittableRandom(3);
        double[] z = new double[m.dimension()];
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian();
        }
        for (int b = 0; b < 2; b++) {
            for (int id : rounding.window(z, b, 4)) {
                assertTrue(inBatch[id], "token " + id + " is not in the batch");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new TokenRounding(m.tokenEmbeddings(), new boolean[30]));
    }

    @Test
    void discreteStepsWaitForTheBurnInAndStopBeforeTheEnd() {
        LampOptions paper = new LampOptions(2000, 0.05, LampOptions.Loss.COS, 1, 0, 1, 75, 0.1, 199, 0.2, 10);
        assertTrue(!paper.discreteStepAfter(150), "inside the burn-in of 200 steps");
        assertTrue(paper.discreteStepAfter(225));
        assertTrue(!paper.discreteStepAfter(2000), "no discrete step after the last continuous one");
        LampOptions none = new LampOptions(2000, 0.05, LampOptions.Loss.COS, 1, 0, 1, 75, 0.1, 0, 0.2, 10);
        assertTrue(!none.discreteStepAfter(225), "no reorderings to try");
        assertThrows(
                IllegalArgumentException.class,
                () -> new LampOptions(10, 0.05, LampOptions.Loss.COS, 1, 0, 1, 75, 1.5, 1, 0.2, 1));
    }
}
