package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** A recipe with starting parameters trains from them (model.init), keeping its batch order and its DP settings. */
class TrainingRecipeStartTest {
    static final Backend BE = Backends.get("java");
    static final Model MLP = Models.build(ModelSpec.mlp(new int[] {4}, 3, 1 / 32.0, 1, Activation.TANH));

    @Test
    void aGivenStartIsTrainedWithTheSeededRecipesBatchOrder() {
        float[][] x = new float[12][4];
        int[] y = new int[12];
        SplittableRandom data = new SplittableRandom(3);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) data.nextGaussian();
            }
            y[i] = i % 3;
        }
        int[] rows = {0, 2, 4, 5, 7, 9, 11};
        List<Tensor> start = MLP.initialParameters(BE, DType.F64, new SplittableRandom(42));
        TrainingRecipe recipe = TrainingRecipe.sgd(2, 3, 0.1).withStart(start);
        List<Tensor> trained = recipe.train(MLP, BE, DType.F32, x, y, rows, new SplittableRandom(7));

        SplittableRandom rng = new SplittableRandom(7);
        rng.split(); // the seeded recipe's initialisation stream
        List<Tensor> f32 = start.stream()
                .map(t -> BE.fromArray(t.toDoubleArray(), DType.F32, t.shape()))
                .toList();
        List<Tensor> expected = Sgd.train(MLP, BE, DType.F32, f32, x, y, rows, 2, 3, 0.1, rng.split());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(DType.F32, trained.get(i).dtype());
            assertArrayEquals(expected.get(i).toDoubleArray(), trained.get(i).toDoubleArray(), 0.0);
        }
        assertEquals(start.size(), recipe.withDp(1.0, 1.0).start().size());
        assertNull(TrainingRecipe.sgd(2, 3, 0.1).start());
    }
}
