package org.leakbench.attack.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/** TAG and DLG on the stand-in token model: one window of 4 tokens over a vocabulary of 7, in float64. */
class TagAttackTest {
    static final int CONTEXT = 4;
    static final int VOCABULARY = 7;

    /** A private window, its next token, and the FedSGD gradient of {@code model} on it. */
    record TokenVictim(float[][] windows, int[] labels, Observation observation) {}

    static TokenVictim victim(Model model, long seed) {
        Backend be = Backends.get("ejml");
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] windows = new float[1][CONTEXT];
        for (int t = 0; t < CONTEXT; t++) {
            windows[0][t] = rng.nextInt(VOCABULARY);
        }
        int[] labels = {rng.nextInt(VOCABULARY)};
        List<Tensor> params = model.initialParameters(be, DType.F64, rng.split());
        Tensor x = Sgd.batch(be, DType.F64, windows, new int[] {0}, model.spec().inputShape());
        List<Tensor> g = Gradients.of(model, params, x, labels).gradient();
        return new TokenVictim(windows, labels, Observation.gradient(model, params, g, 1));
    }

    @Test
    void tagRecoversEveryTokenAndTheLabelOfOneWindow() {
        for (long seed = 1; seed <= 2; seed++) {
            TokenVictim v = victim(new TinyTokenModel(CONTEXT, VOCABULARY), seed);
            AttackResult r = new TagAttack(new TagOptions(300, 0.1, 0.01, DType.F64))
                    .run(v.observation(), AttackContext.seeded(seed));
            assertEquals(AttackResult.OK, r.status());
            assertArrayEquals(v.windows()[0], r.samples()[0], "seed " + seed);
            assertArrayEquals(v.labels(), r.labels());
            assertEquals(
                    1.0, TokenScore.of(v.windows(), r.samples(), VOCABULARY).tokenAccuracy());
        }
    }

    @Test
    void dlgRunsOnTheRelaxedInputAndItsArgMaxIsTheWindow() {
        TokenVictim v = victim(new TinyTokenModel(CONTEXT, VOCABULARY), 3);
        AttackResult r =
                new DlgAttack(new DlgOptions(100, true, DType.F64)).run(v.observation(), AttackContext.seeded(3));
        assertEquals(AttackResult.OK, r.status());
        assertEquals(CONTEXT * VOCABULARY, r.samples()[0].length, "dlg optimises [context, vocabulary]");
        assertArrayEquals(v.windows()[0], TokenScore.decodeRelaxed(r.samples(), CONTEXT, VOCABULARY)[0]);
    }

    @Test
    void tagRefusesAModelWithoutARelaxedTokenInput() {
        Model mlp =
                Models.build(new ModelSpec(ModelSpec.MLP, new int[] {CONTEXT}, VOCABULARY, 0.25, 1, Activation.RELU));
        TokenVictim v = victim(mlp, 1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new TagAttack(new TagOptions(5, 0.1, 0.01, DType.F64))
                        .run(v.observation(), AttackContext.seeded(1)));
        assertEquals(
                "attack tag needs a model with a relaxed token input [context, vocabulary]; model mlp is "
                        + "optimised on samples of shape [4]",
                e.getMessage());
    }

    @Test
    void optionsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TagOptions(10, 0.1, -1, DType.F64));
        assertThrows(IllegalArgumentException.class, () -> new TagOptions(10, 0, 0.01, DType.F64));
        assertThrows(IllegalArgumentException.class, () -> new TagOptions(0, 0.1, 0.01, DType.F64));
    }
}
