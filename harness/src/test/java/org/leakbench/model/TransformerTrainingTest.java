package org.leakbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** The transformer as a victim of federated training: per-example gradients for DP-SGD, and that SGD learns. */
class TransformerTrainingTest {
    /** Windows of token ids as a text data set stores them (floats). */
    private static float[][] windows(int n, int context, int vocabulary, long seed) {
        double[] ids = TransformerTest.tokens(n, context, vocabulary, seed);
        float[][] x = new float[n][context];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < context; t++) {
                x[i][t] = (float) ids[i * context + t];
            }
        }
        return x;
    }

    @ParameterizedTest(name = "{0} clip {1}")
    @CsvSource({"java, 0.05", "java, 1e6", "nd4j, 0.05"})
    void theClippedSumIsTheSumOfSingleExampleGradientsEachClipped(String backend, double clip) {
        Backend be = TransformerTest.backend(backend);
        Transformer m = new Transformer(TransformerTest.spec(5, 9, 8, 2, 2));
        List<Tensor> params = m.initialParameters(be, DType.F64, new SplittableRandom(31));
        int n = 6; // the batch PerExampleGradientsTest.reference reads
        float[][] x = windows(n, 5, 9, 32);
        int[] y = {0, 8, 3, 3, 5, 1};
        double[] refNorms = new double[n];
        double[] ref = PerExampleGradientsTest.reference(m, params, be, x, y, clip, refNorms);
        int[] all = {0, 1, 2, 3, 4, 5};
        Tensor batch = Sgd.batch(be, DType.F64, x, all, m.spec().inputShape());
        PerExampleGradients.ClippedSum got = PerExampleGradients.clippedSum(m, params, batch, y, clip);
        double[] sum = flat(got.sum());
        for (int i = 0; i < n; i++) {
            assertEquals(refNorms[i], got.norms()[i], 1e-9 * refNorms[i], "norm of example " + i);
            assertTrue(clip > 1 || refNorms[i] > clip, "example " + i + " is clipped");
        }
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], sum[k], 1e-9 * Math.max(1, Math.abs(ref[k])), "entry " + k);
        }
        if (clip > 1) {
            // Nothing clipped: the sum is N times the batch's mean gradient, so no example sees another one.
            double[] mean = flat(Gradients.of(m, params, batch, y).gradient());
            for (int k = 0; k < mean.length; k++) {
                assertEquals(n * mean[k], sum[k], 1e-9 * Math.max(1, Math.abs(sum[k])), "entry " + k);
            }
        }
    }

    private static double[] flat(List<Tensor> tensors) {
        int size = tensors.stream().mapToInt(Tensor::size).sum();
        double[] out = new double[size];
        int at = 0;
        for (Tensor t : tensors) {
            double[] v = t.toDoubleArray();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    @Test
    void sgdLearnsToCopyTheWindowsFirstToken() {
        // The label is the first token of the window, so the last position must attend to the first.
        Backend be = Backends.get("java");
        int context = 4;
        int vocabulary = 5;
        Transformer m = new Transformer(TransformerTest.spec(context, vocabulary, 16, 1, 2));
        float[][] x = windows(200, context, vocabulary, 41);
        int[] y = new int[x.length];
        int[] rows = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (int) x[i][0];
            rows[i] = i;
        }
        List<Tensor> start = m.initialParameters(be, DType.F32, new SplittableRandom(42));
        double before = Sgd.accuracy(m, be, DType.F32, start, x, y, 100);
        List<Tensor> trained = Sgd.train(m, be, DType.F32, start, x, y, rows, 20, 20, 0.5, new SplittableRandom(43));
        double after = Sgd.accuracy(m, be, DType.F32, trained, x, y, 100);
        assertTrue(before < 0.4 && after > 0.9, "accuracy " + before + " before, " + after + " after training");
    }
}
