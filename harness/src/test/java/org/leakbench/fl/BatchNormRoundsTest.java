package org.leakbench.fl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Activation;
import org.leakbench.model.BatchNormStatistics;
import org.leakbench.model.HeldOutScore;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * BatchNorm running statistics carried through federated rounds: clients update them with momentum 0.1 during
 * local training, the server averages them, evaluation normalises with them. The expected values are computed by
 * hand from each client's batch statistics at the global parameters (PyTorch's rule: new = 0.9·old + 0.1·batch).
 */
class BatchNormRoundsTest {
    private static final Backend BE = Backends.get("java");
    private static final int[] INPUT = {3, 8, 8};
    private static final int CLASSES = 3;

    private static Model resnet() {
        return Models.build(new ModelSpec(
                ModelSpec.RESNET, INPUT, CLASSES, 0.25, 20, Activation.RELU, Map.of(ModelSpec.SHORTCUT, "projection")));
    }

    private static float[][] images(int n, SplittableRandom rng) {
        float[][] x = new float[n][3 * 8 * 8];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) rng.nextDouble();
            }
        }
        return x;
    }

    private static int[] labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES;
        }
        return y;
    }

    private static Tensor rows(float[][] samples, int[] idx) {
        return Sgd.batch(BE, DType.F64, samples, idx, INPUT);
    }

    @Test
    void oneFedAvgRoundAveragesTheClientsMomentumUpdates() {
        Model model = resnet();
        SplittableRandom rng = new SplittableRandom(7);
        float[][] train = images(8, rng);
        int[][] partition = {{0, 1, 2, 3}, {4, 5, 6, 7}};
        FlData data = new FlData(train, labels(8), partition, images(6, rng), labels(6));
        List<Tensor> params0 = model.initialParameters(BE, DType.F64, new SplittableRandom(3));
        FlOptions o = FlOptions.of(Algorithm.FEDAVG, 2, 2, 1, 1, 4, 0.05);
        TrainingHistory h = new FederatedTraining(model, BE, DType.F64, o, data, null)
                .run(1, params0, new HonestButCuriousServer(), r -> {});

        // each client takes one step on all its rows, so its statistics are those of its rows at params0
        List<Tensor> a = BatchNormStatistics.of(model, params0, rows(train, partition[0]));
        List<Tensor> b = BatchNormStatistics.of(model, params0, rows(train, partition[1]));
        List<Tensor> init = model.initialBuffers(BE, DType.F64);
        assertEquals(model.bufferShapes().size(), h.finalBuffers().size());
        for (int t = 0; t < init.size(); t++) {
            double[] i0 = init.get(t).toDoubleArray();
            double[] sa = a.get(t).toDoubleArray();
            double[] sb = b.get(t).toDoubleArray();
            double[] got = h.finalBuffers().get(t).toDoubleArray();
            for (int j = 0; j < got.length; j++) {
                double want = 0.9 * i0[j] + 0.1 * (sa[j] + sb[j]) / 2;
                assertEquals(want, got[j], 1e-9, model.bufferShapes().get(t).name() + "[" + j + "]");
            }
        }
        // evaluation used the carried statistics
        HeldOutScore running = HeldOutScore.of(
                model, BE, DType.F64, h.finalParams(), h.finalBuffers(), data.testSamples(), data.testLabels(), 500);
        assertEquals(running, h.finalScore());
    }

    @Test
    void momentumCompoundsOverLocalSteps() {
        Model model = resnet();
        SplittableRandom rng = new SplittableRandom(11);
        float[][] x = images(4, rng);
        int[] all = {0, 1, 2, 3};
        List<Tensor> params = model.initialParameters(BE, DType.F64, new SplittableRandom(5));
        List<Tensor> init = model.initialBuffers(BE, DType.F64);
        // a vanishing rate keeps the parameters, so both epochs see the same batch statistics s:
        // 0.9·(0.9·init + 0.1·s) + 0.1·s = 0.81·init + 0.19·s
        Sgd.Trained t = Sgd.trainTracking(
                model, BE, DType.F64, params, init, x, labels(4), all, 2, 4, 1e-300, new SplittableRandom(1));
        List<Tensor> s = BatchNormStatistics.of(model, params, rows(x, all));
        for (int k = 0; k < init.size(); k++) {
            double[] i0 = init.get(k).toDoubleArray();
            double[] sk = s.get(k).toDoubleArray();
            double[] got = t.buffers().get(k).toDoubleArray();
            for (int j = 0; j < got.length; j++) {
                assertEquals(
                        0.81 * i0[j] + 0.19 * sk[j],
                        got[j],
                        1e-9,
                        model.bufferShapes().get(k).name());
            }
        }
    }

    @Test
    void evaluationOnRunningStatisticsDoesNotDependOnTheChunk() {
        Model model = resnet();
        SplittableRandom rng = new SplittableRandom(13);
        float[][] train = images(12, rng);
        int[][] partition = {{0, 1, 2, 3, 4, 5}, {6, 7, 8, 9, 10, 11}};
        float[][] test = images(9, rng);
        FlData data = new FlData(train, labels(12), partition, test, labels(9));
        FlOptions o = FlOptions.of(Algorithm.FEDAVG, 2, 2, 2, 1, 3, 0.05);
        TrainingHistory h = new FederatedTraining(model, BE, DType.F64, o, data, null).run(2);
        List<Double> perChunk = new ArrayList<>();
        for (int chunk : new int[] {1, 4, 9}) {
            perChunk.add(
                    HeldOutScore.of(model, BE, DType.F64, h.finalParams(), h.finalBuffers(), test, labels(9), chunk)
                            .meanLoss());
        }
        assertEquals(perChunk.get(2), perChunk.get(0), 1e-9);
        assertEquals(perChunk.get(2), perChunk.get(1), 1e-9);
        // batch statistics, as before, make a row's loss depend on the rows beside it
        double one = HeldOutScore.of(model, BE, DType.F64, h.finalParams(), test, labels(9), 1)
                .meanLoss();
        double nine = HeldOutScore.of(model, BE, DType.F64, h.finalParams(), test, labels(9), 9)
                .meanLoss();
        assertTrue(Math.abs(one - nine) > 1e-3, "batch statistics at chunk 1 and 9: " + one + ", " + nine);
    }
}
