package org.leakbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** The one-pass clipped sum agrees with clipping each example's own gradient (batches of one), on every backend. */
class PerExampleGradientsTest {
    private static final int N = 6;

    static float[][] samples(int dim, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[N][dim];
        for (float[] row : x) {
            for (int j = 0; j < dim; j++) {
                row[j] = (float) r.nextDouble();
            }
        }
        return x;
    }

    /** Reference: each example's gradient from a batch of one, clipped, summed. */
    static double[] reference(
            Model model, List<Tensor> params, Backend be, float[][] x, int[] y, double clip, double[] norms) {
        double[] sum = null;
        for (int i = 0; i < N; i++) {
            Tensor xi = Sgd.batch(be, DType.F64, x, new int[] {i}, model.spec().inputShape());
            List<Tensor> g = Gradients.of(model, params, xi, new int[] {y[i]}).gradient();
            List<Double> flat = new ArrayList<>();
            g.forEach(t -> {
                for (double v : t.toDoubleArray()) {
                    flat.add(v);
                }
            });
            double sq = 0;
            for (double v : flat) {
                sq += v * v;
            }
            norms[i] = Math.sqrt(sq);
            double f = Math.min(1, clip / norms[i]);
            if (sum == null) {
                sum = new double[flat.size()];
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] += f * flat.get(j);
            }
        }
        return sum;
    }

    @ParameterizedTest(name = "{0} {1} depth {2} {3} clip {4}")
    @CsvSource({
        "ejml, linear, 0, tanh, 0.05",
        "ejml, mlp, 1, tanh, 0.05",
        "ejml, mlp, 2, relu, 0.5",
        "ejml, mlp, 1, sigmoid, 100",
        "ejml, lenet, 0, sigmoid, 0.05",
        "nd4j, mlp, 2, tanh, 0.05"
    })
    void oneBackwardPassGivesTheClippedSumOfBatchesOfOne(
            String backend, String family, int depth, String act, double clip) {
        Backend be = Backends.get(backend);
        ModelSpec spec = family.equals("lenet")
                ? ModelSpec.lenet(new int[] {1, 8, 8}, 3)
                : depth == 0
                        ? ModelSpec.linear(new int[] {5}, 3)
                        : ModelSpec.mlp(
                                new int[] {5}, 3, 1.0 / 32, depth, Activation.valueOf(act.toUpperCase(Locale.ROOT)));
        Model model = Models.build(spec);
        List<Tensor> params = model.initialParameters(be, DType.F64, new SplittableRandom(3));
        float[][] x = samples(spec.inputSize(), 4);
        int[] y = {0, 1, 2, 1, 0, 2};
        double[] refNorms = new double[N];
        double[] ref = reference(model, params, be, x, y, clip, refNorms);
        int[] all = {0, 1, 2, 3, 4, 5};
        PerExampleGradients.ClippedSum got = PerExampleGradients.clippedSum(
                model, params, Sgd.batch(be, DType.F64, x, all, spec.inputShape()), y, clip);
        for (int i = 0; i < N; i++) {
            assertEquals(refNorms[i], got.norms()[i], 1e-9 * Math.max(1, refNorms[i]), "norm of example " + i);
        }
        int k = 0;
        for (Tensor t : got.sum()) {
            for (double v : t.toDoubleArray()) {
                assertEquals(ref[k], v, 1e-9 * Math.max(1, Math.abs(ref[k])), "entry " + k);
                k++;
            }
        }
        assertEquals(ref.length, k);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void aNonPositiveClippingNormIsAnError(double clip) {
        Backend be = Backends.get("ejml");
        Model model = Models.build(ModelSpec.mlp(new int[] {5}, 3, 1.0 / 32, 1, Activation.TANH));
        List<Tensor> params = model.initialParameters(be, DType.F64, new SplittableRandom(3));
        Tensor x = Sgd.batch(
                be, DType.F64, samples(5, 1), new int[] {0}, model.spec().inputShape());
        assertThrows(
                IllegalArgumentException.class,
                () -> PerExampleGradients.clippedSum(model, params, x, new int[] {0}, clip));
    }
}
