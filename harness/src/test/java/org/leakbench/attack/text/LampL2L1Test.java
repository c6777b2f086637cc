package org.leakbench.attack.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.inversion.TagAttack;
import org.leakbench.attack.inversion.TagOptions;
import org.leakbench.metric.TokenScore;
import org.leakbench.model.Transformer;
import org.leakbench.tensor.DType;

/**
 * LAMP's second variant, LAMP_{L2+L1} (Balunović et al. 2022): its distance is the squared L2 distance of the
 * gradients plus α times their L1 distance, zero at the batch's own embeddings; and, like LAMP_cos, it recovers
 * clearly more than TAG on the instance of {@link LampBeatsTagTest}.
 */
class LampL2L1Test {
    private static final int CONTEXT = 6;
    private static final int VOCABULARY = 500;

    @Test
    void distanceIsSquaredL2PlusAlphaTimesL1AndZeroAtTheTruth() {
        Transformer model = TextVictims.transformer(4, 30, 16, 1);
        TextVictims.Victim v = TextVictims.random(model, 2, 7);
        EmbeddingMatching l2 = matching(v, model, LampOptions.Loss.L2L1, 0);
        EmbeddingMatching l2l1 = matching(v, model, LampOptions.Loss.L2L1, 0.01);
        EmbeddingMatching l2l1Twice = matching(v, model, LampOptions.Loss.L2L1, 0.02);
        EmbeddingMatching cos = matching(v, model, LampOptions.Loss.COS, 0.01);
        EmbeddingMatching cosOtherAlpha = matching(v, model, LampOptions.Loss.COS, 5);
        double[] truth = truthEmbeddings(l2, v.windows());
        assertEquals(0, l2l1.distance(truth), 1e-12, "the batch's own embeddings give its gradient");
        double[] z = truth.clone();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < z.length; i++) {
            z[i] += 0.3 * rng.nextGaussian();
        }
        double plain = l2.distance(z);
        double l1Part = l2l1.distance(z) - plain;
        assertTrue(plain > 0, "squared L2 distance " + plain);
        assertTrue(l1Part > 0, "alpha 0.01 added " + l1Part + " to the squared L2 distance");
        assertEquals(2 * l1Part, l2l1Twice.distance(z) - plain, 1e-9 * (1 + plain), "linear in alpha");
        // The cosine variant ignores alpha and is another number: a mean cosine distance in [0, 2].
        assertEquals(cos.distance(z), cosOtherAlpha.distance(z), 1e-12);
        assertTrue(Math.abs(cos.distance(z) - l2l1.distance(z)) > 1e-6);
        assertThrows(IllegalArgumentException.class, () -> LampOptions.Loss.parse("l1"));
        assertEquals(LampOptions.Loss.L2L1, LampOptions.Loss.parse(" L2L1 "));
    }

    @Test
    void lampL2L1RecoversMoreUnigramsAndBigramsThanTag() {
        MarkovText language = new MarkovText(VOCABULARY, 3, new SplittableRandom(1));
        MarkovText.Windows corpus = language.windows(2000, CONTEXT, new SplittableRandom(2));
        BigramPrior prior = BigramPrior.fit(VOCABULARY, corpus.windows(), corpus.next());
        Transformer model = TextVictims.transformer(CONTEXT, VOCABULARY, 16, 1);
        LampOptions lamp =
                new LampOptions(1000, 0.05, 1.0, 1.0, 50, 20, 0.2, 10).withLoss(LampOptions.Loss.L2L1, 0, 0.01);
        TagOptions tag = new TagOptions(1000, 0.1, 0.01, DType.F64);
        double[] lampSum = new double[2];
        double[] tagSum = new double[2];
        long[] seeds = {1, 2, 3};
        for (long seed : seeds) {
            MarkovText.Windows batch = language.windows(2, CONTEXT, new SplittableRandom(100 + seed));
            TextVictims.Victim v = TextVictims.of(model, batch.windows(), batch.next(), new SplittableRandom(seed));
            AttackResult l = new LampAttack(lamp, prior).run(v.observation(), AttackContext.seeded(seed));
            AttackResult t = new TagAttack(tag).run(v.observation(), AttackContext.seeded(seed));
            assertEquals(AttackResult.OK, l.status());
            assertEquals(AttackResult.OK, t.status());
            add(lampSum, TokenScore.of(v.windows(), l.samples(), VOCABULARY));
            add(tagSum, TokenScore.of(v.windows(), t.samples(), VOCABULARY));
        }
        double n = seeds.length;
        // measured: ROUGE-1 0.639 (LAMP_{L2+L1}) vs 0.250 (TAG), ROUGE-2 0.400 vs 0.000
        assertTrue(lampSum[0] / n > tagSum[0] / n + 0.25, "ROUGE-1 " + lampSum[0] / n + " vs TAG " + tagSum[0] / n);
        assertTrue(lampSum[1] / n > tagSum[1] / n + 0.3, "ROUGE-2 " + lampSum[1] / n + " vs TAG " + tagSum[1] / n);
    }

    private static EmbeddingMatching matching(
            TextVictims.Victim v, Transformer model, LampOptions.Loss loss, double alpha) {
        return new EmbeddingMatching(v.observation(), model, v.labels(), loss, 0, alpha, 0);
    }

    /** The embeddings [b, n, d] the batch's tokens look up. */
    private static double[] truthEmbeddings(EmbeddingMatching m, float[][] windows) {
        double[][] table = m.tokenEmbeddings();
        int d = table[0].length;
        int n = windows[0].length;
        double[] z = new double[windows.length * n * d];
        for (int b = 0; b < windows.length; b++) {
            for (int t = 0; t < n; t++) {
                System.arraycopy(table[(int) windows[b][t]], 0, z, (b * n + t) * d, d);
            }
        }
        return z;
    }

    private static void add(double[] sum, TokenScore s) {
        sum[0] += s.tokenF1();
        sum[1] += s.rouge2();
    }
}
