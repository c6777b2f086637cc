package org.leakbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The convolutional victims on one backend: output shapes in both precisions, input gradients and the gradient
 * of a gradient-matching objective against central finite differences in float64, BatchNorm's three modes and
 * the per-example property of GroupNorm. Tiny models (width 0.25 or less, 8x8 or 9x9 images) keep it fast.
 */
abstract class ConvModelContractTest {
    protected abstract Backend backend();

    static ModelSpec tinyResNet(String norm, String shortcut) {
        return new ModelSpec(
                ModelSpec.RESNET,
                new int[] {3, 8, 8},
                4,
                0.25,
                20,
                Activation.RELU,
                Map.of(ModelSpec.NORM, norm, ModelSpec.SHORTCUT, shortcut));
    }

    static ModelSpec tinyConvNet(String norm) {
        return new ModelSpec(
                ModelSpec.CONVNET, new int[] {2, 9, 9}, 3, 1.0 / 16, 8, Activation.RELU, Map.of(ModelSpec.NORM, norm));
    }

    static ModelSpec tinyResNet18() {
        return new ModelSpec(ModelSpec.RESNET18, new int[] {1, 16, 16}, 5, 1.0 / 16, 18, Activation.RELU);
    }

    private Tensor images(ModelSpec spec, int n, DType dtype, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] s = spec.inputShape();
        double[] d = new double[n * spec.inputSize()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble(-1, 1);
        }
        return backend().fromArray(d, dtype, n, s[0], s[1], s[2]);
    }

    private static List<Var> constants(List<Tensor> ts) {
        List<Var> out = new ArrayList<>();
        ts.forEach(t -> out.add(Var.constant(t)));
        return out;
    }

    @Test
    void everyModelGivesOneRowOfLogitsPerExampleInBothPrecisions() {
        for (ModelSpec spec : List.of(
                tinyResNet("batch", "projection"),
                tinyResNet("group", "padding"),
                tinyConvNet("batch"),
                tinyConvNet("group"),
                tinyResNet18())) {
            Model m = Models.build(spec);
            for (DType dtype : List.of(DType.F32, DType.F64)) {
                List<Tensor> p = m.initialParameters(backend(), dtype, new SplittableRandom(3));
                Tensor y = m.logits(Var.constant(images(spec, 2, dtype, 4)), constants(p))
                        .value();
                assertArrayEquals(new int[] {2, spec.numClasses()}, y.shape(), spec.label());
                assertEquals(dtype, y.dtype(), spec.label());
                for (double v : y.toDoubleArray()) {
                    assertTrue(Double.isFinite(v), spec.label());
                }
            }
        }
    }

    @Test
    void inputGradientsMatchFiniteDifferences() {
        for (ModelSpec spec : List.of(tinyResNet("batch", "projection"), tinyConvNet("group"))) {
            Model m = Models.build(spec);
            List<Var> p = constants(m.initialParameters(backend(), DType.F64, new SplittableRandom(5)));
            int[] labels = {1, 2};
            checkInputGradient(spec, x -> Losses.crossEntropy(m.logits(x, p), labels), 6, 4);
        }
    }

    /**
     * The gradient with respect to the image of ‖∇θ L(x) − t‖², the objective of gradient inversion (DLG,
     * Inverting Gradients): a second derivative through every layer, BatchNorm's batch statistics included.
     */
    @Test
    void gradientMatchingObjectiveHasTheRightInputGradient() {
        for (ModelSpec spec :
                List.of(tinyResNet("batch", "projection"), tinyResNet("group", "padding"), tinyConvNet("batch"))) {
            Model m = Models.build(spec);
            List<Tensor> params = m.initialParameters(backend(), DType.F64, new SplittableRandom(7));
            int[] labels = {0, 2};
            List<Tensor> target = Gradients.of(m, params, images(spec, 2, DType.F64, 8), labels)
                    .gradient();
            Function<Var, Var> objective = x -> {
                List<Var> leaves = new ArrayList<>();
                params.forEach(t -> leaves.add(Var.leaf(t, "p")));
                List<Var> g = Autodiff.grad(Losses.crossEntropy(m.logits(x, leaves), labels), leaves, true);
                Var total = null;
                for (int i = 0; i < g.size(); i++) {
                    Var d = Ops.sumOfSquaredDifferences(g.get(i), Var.constant(target.get(i)));
                    total = total == null ? d : Ops.add(total, d);
                }
                return total;
            };
            checkInputGradient(spec, objective, 9, 2);
        }
    }

    /**
     * Compares d f / d x with central differences along one random direction (every coordinate at once) and on
     * {@code coordinates} single coordinates, for a batch of two.
     */
    private void checkInputGradient(ModelSpec spec, Function<Var, Var> f, long seed, int coordinates) {
        Tensor x0 = images(spec, 2, DType.F64, seed);
        Var x = Var.leaf(x0, "x");
        double[] analytic =
                Autodiff.grad(f.apply(x), List.of(x), false).get(0).value().toDoubleArray();
        double[] data = x0.toDoubleArray();
        SplittableRandom pick = new SplittableRandom(seed);
        double[] direction = new double[data.length];
        double along = 0;
        for (int j = 0; j < data.length; j++) {
            direction[j] = pick.nextDouble(-1, 1);
            along += direction[j] * analytic[j];
        }
        assertClose(spec, "along a random direction", along, difference(f, data, direction, x0.shape()));
        for (int k = 0; k < coordinates; k++) {
            int j = pick.nextInt(data.length);
            double[] unit = new double[data.length];
            unit[j] = 1;
            assertClose(spec, "coordinate " + j, analytic[j], difference(f, data, unit, x0.shape()));
        }
    }

    private double difference(Function<Var, Var> f, double[] x, double[] direction, int[] shape) {
        double eps = 1e-6;
        double[] up = x.clone();
        double[] down = x.clone();
        for (int j = 0; j < x.length; j++) {
            up[j] += eps * direction[j];
            down[j] -= eps * direction[j];
        }
        double fUp = f.apply(Var.constant(backend().fromArray(up, DType.F64, shape)))
                .value()
                .item();
        double fDown = f.apply(Var.constant(backend().fromArray(down, DType.F64, shape)))
                .value()
                .item();
        return (fUp - fDown) / (2 * eps);
    }

    private static void assertClose(ModelSpec spec, String what, double analytic, double numeric) {
        assertEquals(
                numeric, analytic, 1e-4 * Math.max(1, Math.abs(numeric)), spec.label() + ": input gradient " + what);
    }

    @Test
    void batchNormUsesBatchStatisticsInTrainingAndRunningOnesInEvaluation() {
        ModelSpec spec = tinyResNet("batch", "projection");
        Model m = Models.build(spec);
        List<Var> p = constants(m.initialParameters(backend(), DType.F64, new SplittableRandom(11)));
        Tensor pair = images(spec, 2, DType.F64, 12);
        Tensor first = backend()
                .fromArray(java.util.Arrays.copyOf(pair.toDoubleArray(), spec.inputSize()), DType.F64, 1, 3, 8, 8);
        List<Tensor> buffers = m.initialBuffers(backend(), DType.F64);
        ForwardState eval = ForwardState.evaluation(buffers);
        // evaluation: an example's logits do not depend on the rest of its batch
        double[] evalPair = m.logits(Var.constant(pair), p, eval).value().toDoubleArray();
        double[] evalOne = m.logits(Var.constant(first), p, eval).value().toDoubleArray();
        assertArrayEquals(evalOne, java.util.Arrays.copyOf(evalPair, 4), 1e-10);
        // training: they do, and the plain logits are training mode
        double[] trainPair = m.logits(Var.constant(pair), p).value().toDoubleArray();
        double[] trainOne = m.logits(Var.constant(first), p).value().toDoubleArray();
        assertTrue(Math.abs(trainPair[0] - trainOne[0]) > 1e-6, "BatchNorm must mix the batch in training");
        assertArrayEquals(
                trainPair,
                m.logits(Var.constant(pair), p, ForwardState.batchStatistics())
                        .value()
                        .toDoubleArray(),
                0);
        // tracking: same logits as training, and bn1's running statistics move by PyTorch's rule
        ForwardState tracking = ForwardState.tracking(buffers, 0.1);
        assertArrayEquals(
                trainPair, m.logits(Var.constant(pair), p, tracking).value().toDoubleArray(), 1e-12);
        double[] conv = Ops.conv2d(Var.constant(pair), p.get(0), new Conv2dSpec(1, 1))
                .value()
                .toDoubleArray();
        int channels = 4;
        int plane = 64;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double sq = 0;
            for (int n = 0; n < 2; n++) {
                for (int i = 0; i < plane; i++) {
                    double v = conv[(n * channels + c) * plane + i];
                    sum += v;
                    sq += v * v;
                }
            }
            int count = 2 * plane;
            double mean = sum / count;
            double unbiased = (sq - count * mean * mean) / (count - 1);
            assertEquals(0.1 * mean, tracking.buffers().get(0).toDoubleArray()[c], 1e-10, "bn1.running_mean");
            assertEquals(0.9 + 0.1 * unbiased, tracking.buffers().get(1).toDoubleArray()[c], 1e-10, "bn1.running_var");
        }
        assertEquals(m.bufferShapes().size(), tracking.buffers().size());
        for (int i = 0; i < buffers.size(); i++) {
            assertTrue(
                    !java.util.Arrays.equals(
                            buffers.get(i).toDoubleArray(),
                            tracking.buffers().get(i).toDoubleArray()),
                    "every running statistic moves: " + m.bufferShapes().get(i).name());
        }
    }

    /**
     * With GroupNorm each example is normalised on its own, so a batch's logits are its examples' logits and the
     * sum of per-example gradients is the batch size times the batch gradient: what DP-SGD's clipped sum needs.
     */
    @Test
    void groupNormKeepsExamplesApartSoPerExampleGradientsAddUp() {
        ModelSpec spec = tinyResNet("group", "projection");
        Model m = Models.build(spec);
        assertTrue(m.bufferShapes().isEmpty());
        List<Tensor> params = m.initialParameters(backend(), DType.F64, new SplittableRandom(13));
        Tensor pair = images(spec, 2, DType.F64, 14);
        Tensor first = backend()
                .fromArray(java.util.Arrays.copyOf(pair.toDoubleArray(), spec.inputSize()), DType.F64, 1, 3, 8, 8);
        assertArrayEquals(
                Gradients.predict(m, params, first).toDoubleArray(),
                java.util.Arrays.copyOf(Gradients.predict(m, params, pair).toDoubleArray(), 4),
                1e-10);
        int[] labels = {3, 1};
        PerExampleGradients.ClippedSum sum = PerExampleGradients.clippedSum(m, params, pair, labels, 1e9);
        List<Tensor> batch = Gradients.of(m, params, pair, labels).gradient();
        for (int i = 0; i < batch.size(); i++) {
            assertArrayEquals(
                    backend().scale(batch.get(i), 2).toDoubleArray(),
                    sum.sum().get(i).toDoubleArray(),
                    1e-9,
                    m.parameterShapes().get(i).name());
        }
    }
}
