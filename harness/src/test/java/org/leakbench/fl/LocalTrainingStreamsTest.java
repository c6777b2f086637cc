package org.leakbench.fl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.dp.DpSampling;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdTraining;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ClientData;
import org.leakbench.update.LocalResult;
import org.leakbench.update.LocalTraining;

/**
 * The local-training strategies a client is given compute, bit for bit, the updates the client computed when it
 * knew plain SGD and DP-SGD itself: the expected hashes were recorded with that code for the same seeds, so a
 * change in which random draws are consumed, or in their order, fails here before it moves a sweep's results.
 */
class LocalTrainingStreamsTest {
    private final Backend be = Backends.get("ejml");
    private final Model model = Models.build(ModelSpec.mlp(new int[] {6}, 3, 1.0 / 16, 1, Activation.TANH));
    private final List<Tensor> params = model.initialParameters(be, DType.F64, new SplittableRandom(1));
    private final ClientData data;

    LocalTrainingStreamsTest() {
        float[][] x = new float[40][6];
        int[] y = new int[40];
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 6; j++) {
                x[i][j] = (float) r.nextGaussian();
            }
            y[i] = i % 3;
        }
        int[] rows = new int[30];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i + 5;
        }
        data = new ClientData(0, x, y, rows);
    }

    private static final FlOptions FEDSGD = FlOptions.of(Algorithm.FEDSGD, 1, 1, 1, 1, 8, 0.1);
    private static final FlOptions FEDAVG = FlOptions.of(Algorithm.FEDAVG, 1, 1, 1, 2, 8, 0.1);
    private static final DpSgdOptions POISSON = new DpSgdOptions(1.0, 0.7);
    private static final DpSgdOptions SHUFFLE = POISSON.withSampling(DpSampling.SHUFFLE);

    private void assertUpdate(LocalTraining training, FlOptions options, int hash, int examples, int steps) {
        LocalResult r = new Client(data, be, DType.F64, training)
                .computeUpdate(model, params, options, new SplittableRandom(11));
        assertEquals(hash, Arrays.hashCode(r.update().flatten()), training.name() + " " + options.algorithm());
        assertEquals(examples, r.examples());
        assertEquals(steps, r.update().localSteps());
    }

    @Test
    void plainSgdIsTheDefaultAndKeepsItsStreams() {
        assertEquals("sgd", new Client(data, be, DType.F64).training().name());
        assertUpdate(new SgdTraining(), FEDSGD, -1472607035, 8, 1);
        assertUpdate(new SgdTraining(), FEDAVG, 751920849, 30, 8);
    }

    @Test
    void dpSgdKeepsItsStreamsForBothSamplings() {
        assertUpdate(new DpSgdTraining(POISSON), FEDSGD, -1598323777, 7, 1);
        assertUpdate(new DpSgdTraining(SHUFFLE), FEDSGD, 420328500, 8, 1);
        assertUpdate(new DpSgdTraining(POISSON), FEDAVG, 155064094, 30, 8);
        assertUpdate(new DpSgdTraining(SHUFFLE), FEDAVG, 325663085, 30, 8);
    }

    @Test
    void aClientNeedsItsLocalTraining() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Client(data, be, DType.F64, null));
        assertEquals("client: data, backend, dtype and local training must be given", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.sampleRows(31, new SplittableRandom(1)));
    }
}
