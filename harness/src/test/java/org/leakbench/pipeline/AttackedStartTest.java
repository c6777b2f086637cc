package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.data.Dataset;
import org.leakbench.model.Activation;
import org.leakbench.model.ForwardState;
import org.leakbench.model.FrozenBatchNormModel;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** {@code model.pretrain-rounds} and {@code model.bn-mode}: the state a point attacks, and the defaults keeping it. */
class AttackedStartTest {
    private static final Backend BE = Backends.get("java");
    private static final int[] INPUT = {3, 8, 8};

    private static Model resnet() {
        return Models.build(new ModelSpec(
                ModelSpec.RESNET, INPUT, 3, 0.25, 20, Activation.RELU, Map.of(ModelSpec.SHORTCUT, "projection")));
    }

    private static Dataset train() {
        SplittableRandom rng = new SplittableRandom(17);
        float[][] x = new float[12][3 * 8 * 8];
        int[] y = new int[12];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = (float) rng.nextDouble();
            }
            y[i] = i % 3;
        }
        return new Dataset("blobs", INPUT, x, y, 3, List.of("a", "b", "c"), Map.of());
    }

    private static SweepPoint point(String bnMode, int rounds) {
        Map<String, Object> m = new HashMap<>();
        m.put("model.bn-mode", bnMode);
        m.put("model.pretrain-rounds", rounds);
        m.put("fl.clients", 2);
        m.put("fl.local-batch", 4);
        m.put("fl.lr", 0.05);
        return new SweepPoint(0, m, 1L, "p0", "g0");
    }

    private static CaseBuilder.Start fresh(Model model) {
        return new CaseBuilder.Start(
                model,
                model.initialParameters(BE, DType.F32, new SplittableRandom(3)),
                model.initialBuffers(BE, DType.F32),
                false);
    }

    @Test
    void theDefaultsLeaveTheStartAsItWas() {
        CaseBuilder.Start s = fresh(resnet());
        assertSame(s, AttackedStart.of(point("train", 0), train(), s, 9));
    }

    @Test
    void pretrainingMovesTheParametersAndTheRunningStatistics() {
        CaseBuilder.Start s = fresh(resnet());
        CaseBuilder.Start t = AttackedStart.of(point("train", 2), train(), s, 9);
        assertSame(s.model(), t.model());
        assertNotEquals(
                Arrays.toString(s.params().get(0).toDoubleArray()),
                Arrays.toString(t.params().get(0).toDoubleArray()));
        double[] mean = t.buffers().get(0).toDoubleArray(); // the stem's running mean, 0 at the start
        assertTrue(Arrays.stream(mean).anyMatch(v -> Math.abs(v) > 1e-4), Arrays.toString(mean));
        // deterministic for the seed
        CaseBuilder.Start again = AttackedStart.of(point("train", 2), train(), s, 9);
        assertEquals(
                Arrays.toString(t.buffers().get(0).toDoubleArray()),
                Arrays.toString(again.buffers().get(0).toDoubleArray()));
    }

    @Test
    void evalModeFreezesBatchNormToTheRunningStatisticsForClientAndAttacker() {
        CaseBuilder.Start s = fresh(resnet());
        CaseBuilder.Start t = AttackedStart.of(point("eval", 2), train(), s, 9);
        FrozenBatchNormModel frozen = assertInstanceOf(FrozenBatchNormModel.class, t.model());
        assertTrue(t.model().bufferShapes().isEmpty(), "the statistics are constants of the frozen model");
        CaseBuilder.Start trained = AttackedStart.of(point("train", 2), train(), s, 9);
        Tensor x = Sgd.batch(BE, DType.F32, train().samples(), new int[] {5}, INPUT);
        int[] y = {2};
        List<Tensor> g = Gradients.of(frozen, t.params(), x, y).gradient();
        List<Tensor> eval = Gradients.of(
                        trained.model(), trained.params(), x, y, ForwardState.evaluation(trained.buffers()))
                .gradient();
        List<Tensor> batch =
                Gradients.of(trained.model(), trained.params(), x, y).gradient();
        assertEquals(
                Arrays.toString(eval.get(0).toDoubleArray()),
                Arrays.toString(g.get(0).toDoubleArray()));
        assertNotEquals(
                Arrays.toString(batch.get(0).toDoubleArray()),
                Arrays.toString(g.get(0).toDoubleArray()));
    }

    @Test
    void evalModeOnAModelWithoutBatchNormIsRefused() {
        Model group = Models.build(
                new ModelSpec(ModelSpec.RESNET, INPUT, 3, 0.25, 20, Activation.RELU, Map.of(ModelSpec.NORM, "group")));
        CaseBuilder.Start s = fresh(group);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AttackedStart.of(point("eval", 0), train(), s, 9));
        assertTrue(e.getMessage().contains("model.bn-mode eval"), e.getMessage());
    }
}
