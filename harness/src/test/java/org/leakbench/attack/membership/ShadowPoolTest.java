package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

class ShadowPoolTest {
    private static final int ROWS = 10;

    private static float[][] rows(double shift) {
        float[][] x = new float[ROWS][2];
        for (int i = 0; i < ROWS; i++) {
            x[i][0] = (float) (i + shift);
            x[i][1] = (float) (i % 3);
        }
        return x;
    }

    private static final int[] LABELS = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};

    private static MembershipTarget target() {
        Model model = Models.build(ModelSpec.linear(new int[] {2}, 2));
        List<Tensor> params = model.initialParameters(Backends.get("java"), DType.F32, new SplittableRandom(1));
        return MembershipTarget.of(model, params, DType.F32);
    }

    private static MembershipTarget.AttackerKnowledge knowledge(int trainingSetSize) {
        return new MembershipTarget.AttackerKnowledge(
                rows(100), LABELS, TrainingRecipe.sgd(1, 2, 0.1), trainingSetSize);
    }

    @Test
    void everyEvenPrefixPutsEachRowInForExactlyHalfItsModels() {
        ShadowPool pool = new ShadowPool(3);
        MembershipTarget.AttackerKnowledge k = knowledge(5);
        ShadowPool.Pool rows = ShadowPool.pool(rows(0), LABELS, k);
        List<ShadowPool.Shadow> six = pool.models(target(), k, rows, 6);
        for (int prefix = 2; prefix <= 6; prefix += 2) {
            for (int r = 0; r < ROWS; r++) {
                int in = 0;
                for (int m = 0; m < prefix; m++) {
                    in += six.get(m).in()[r] ? 1 : 0;
                }
                assertEquals(prefix / 2, in, "row " + r + " in the first " + prefix + " models");
            }
        }
        List<ShadowPool.Shadow> four = pool.models(target(), k, rows, 4);
        assertSame(six.get(3), four.get(3), "a smaller request reuses the trained models");
        assertEquals(6, pool.size());
    }

    @Test
    void poolIsFilledWithPopulationRowsUpToTwiceTheTrainingSetSize() {
        ShadowPool.Pool rows = ShadowPool.pool(rows(0), LABELS, knowledge(8));
        assertEquals(16, rows.samples().length);
        assertEquals(ROWS, rows.candidates());
        assertEquals(100f, rows.samples()[ROWS][0]);
    }

    @Test
    void aPoolServesOneTargetsCandidatesOnly() {
        ShadowPool pool = new ShadowPool(3);
        MembershipTarget.AttackerKnowledge k = knowledge(5);
        pool.models(target(), k, ShadowPool.pool(rows(0), LABELS, k), 2);
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> pool.models(target(), k, ShadowPool.pool(rows(1), LABELS, k), 2));
        assertTrue(e.getMessage().contains("other candidate rows"), e.getMessage());
    }
}
