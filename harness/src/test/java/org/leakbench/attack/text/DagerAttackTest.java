package org.leakbench.attack.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.metric.TokenScore;
import org.leakbench.model.Activation;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Transformer;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/** DAGER on small untrained transformers in float64: exact below the rank limit b·n < d, nothing beyond it. */
class DagerAttackTest {
    private static final DagerOptions OPTIONS = new DagerOptions(1e-3, 1000);

    @Test
    void recoversEverySequenceExactlyAtBatchEight() {
        Transformer model = TextVictims.transformer(6, 40, 64, 2); // b·n = 48 < d = 64
        for (long seed = 1; seed <= 2; seed++) {
            TextVictims.Victim v = TextVictims.random(model, 8, seed);
            AttackResult r = new DagerAttack(OPTIONS).run(v.observation(), AttackContext.seeded(seed));
            assertEquals(AttackResult.OK, r.status());
            TokenScore s = TokenScore.of(v.windows(), r.samples(), 40);
            assertEquals(1.0, s.exactFraction(), "seed " + seed);
            assertEquals(8, r.samples().length, "no sequence beyond the batch");
        }
    }

    @Test
    void beyondTheRankLimitItRecoversNothingRatherThanGuessing() {
        Transformer model = TextVictims.transformer(6, 40, 16, 2); // b·n = 24 >= d = 16
        TextVictims.Victim v = TextVictims.random(model, 4, 3);
        AttackResult r = new DagerAttack(OPTIONS).run(v.observation(), AttackContext.seeded(3));
        assertEquals(AttackResult.OK, r.status());
        assertEquals(15.0, r.objective(), "LayerNorm's centred outputs span d − 1 dimensions, all of them");
        for (float[] w : r.samples()) {
            for (float id : w) {
                assertEquals(DagerAttack.UNKNOWN, id, "no token claimed where none can be told apart");
            }
        }
        TokenScore s = TokenScore.of(v.windows(), r.samples(), 40);
        assertEquals(0.0, s.tokenF1());
        assertEquals(0.0, s.exactFraction());
    }

    @Test
    void withOneBlockNoPositionIsClaimedWrongly() {
        Transformer model = TextVictims.transformer(5, 30, 32, 1);
        TextVictims.Victim v = TextVictims.random(model, 2, 5);
        AttackResult r = new DagerAttack(OPTIONS).run(v.observation(), AttackContext.seeded(5));
        assertEquals(AttackResult.OK, r.status());
        TokenScore s = TokenScore.of(v.windows(), r.samples(), 30);
        assertTrue(s.tokenAccuracy() < 1, "no layer orders the tokens without a second block");
        for (float[] w : r.samples()) {
            for (int p = 0; p < w.length; p++) {
                boolean claimed = w[p] != DagerAttack.UNKNOWN;
                boolean right = w[p] == v.windows()[0][p] || w[p] == v.windows()[1][p];
                assertTrue(!claimed || right, "a claimed token at position " + p + " is a true one");
            }
        }
    }

    @Test
    void aModelWithoutSelfAttentionFailsWithTheReason() {
        Model mlp = Models.build(new ModelSpec(ModelSpec.MLP, new int[] {4}, 7, 0.25, 1, Activation.RELU));
        Backend be = Backends.get("ejml");
        List<Tensor> params = mlp.initialParameters(be, DType.F64, new SplittableRandom(1));
        Tensor x = be.fromArray(new double[] {1, 2, 3, 4}, DType.F64, 1, 4);
        List<Tensor> g = Gradients.of(mlp, params, x, new int[] {2}).gradient();
        AttackResult r = new DagerAttack(OPTIONS).run(Observation.gradient(mlp, params, g, 1), AttackContext.seeded(1));
        assertEquals(
                "failed: dager reads the gradient of a transformer's first self-attention layer; model mlp has none",
                r.status());
    }
}
