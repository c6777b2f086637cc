package org.leakbench.defense.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Activation;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ClientData;
import org.leakbench.update.LocalResult;
import org.leakbench.update.LocalTask;

/** Soteria's pruning, the augmentation policy's maps and local training with a batch defense, on tiny inputs. */
class ClientBatchDefenseTest {
    private final Backend be = Backends.get("ejml");

    private static Model lenet() {
        return Models.build(new ModelSpec(ModelSpec.LENET, new int[] {1, 9, 9}, 10, 1, 3, Activation.SIGMOID));
    }

    private Tensor batch(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n * 81];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        return be.fromArray(v, DType.F32, n, 1, 9, 9);
    }

    /** ConvNet stores its classifier as PyTorch does, [classes, features]: Soteria prunes its columns. */
    @Test
    void soteriaPrunesTheColumnsOfAClassifierInPyTorchLayout() {
        Model m = Models.build(new ModelSpec(ModelSpec.CONVNET, new int[] {1, 9, 9}, 10, 1.0 / 32, 8, Activation.RELU));
        List<Tensor> params = m.initialParameters(be, DType.F32, new SplittableRandom(1));
        Tensor x = batch(2, 3);
        int[] labels = {1, 4};
        int w = Classifier.weightIndex(m);
        assertTrue(Classifier.classesFirst(m));
        int d = Classifier.features(m);
        assertEquals(d, params.get(w).shape()[1]);
        Soteria soteria = new Soteria(0.5);
        double[] g0 = Gradients.of(m, params, x, labels).gradient().get(w).toDoubleArray();
        double[] g1 = soteria.gradient(m, params, x, labels, new SplittableRandom(1))
                .get(w)
                .toDoubleArray();
        boolean[] pruned = soteria.prunedFeatures(m, params, x);
        int count = 0;
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < 10; c++) {
                assertEquals(pruned[i] ? 0.0 : g0[c * d + i], g1[c * d + i], 0.0, "column " + i);
            }
            count += pruned[i] ? 1 : 0;
        }
        assertEquals(d / 2, count);
    }

    @Test
    void soteriaZeroesTheClassifierRowsOfTheLargestRatiosAndNothingElse() {
        Model m = lenet();
        List<Tensor> params = m.initialParameters(be, DType.F32, new SplittableRandom(1));
        Tensor x = batch(2, 3);
        int[] labels = {1, 4};
        List<Tensor> plain = Gradients.of(m, params, x, labels).gradient();
        Soteria soteria = new Soteria(0.5);
        List<Tensor> defended = soteria.gradient(m, params, x, labels, new SplittableRandom(1));
        int w = Classifier.weightIndex(m);
        for (int i = 0; i < plain.size(); i++) {
            if (i != w) {
                assertArrayEquals(plain.get(i).toDoubleArray(), defended.get(i).toDoubleArray(), 0.0, "tensor " + i);
            }
        }
        int d = Classifier.features(m);
        double[] ratio = Soteria.ratios(m, params, x);
        boolean[] pruned = soteria.prunedFeatures(m, params, x);
        double[] g0 = plain.get(w).toDoubleArray();
        double[] g1 = defended.get(w).toDoubleArray();
        int count = 0;
        double lowestPruned = Double.POSITIVE_INFINITY;
        double highestKept = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < 10; k++) {
                assertEquals(pruned[i] ? 0.0 : g0[i * 10 + k], g1[i * 10 + k], 0.0, "row " + i);
            }
            count += pruned[i] ? 1 : 0;
            if (pruned[i]) {
                lowestPruned = Math.min(lowestPruned, ratio[i]);
            } else {
                highestKept = Math.max(highestKept, ratio[i]);
            }
        }
        assertEquals(d / 2, count);
        assertTrue(lowestPruned >= highestKept, lowestPruned + " < " + highestKept);
    }

    @Test
    void theRepresentationIsWhatTheClassifierReads() {
        Model m = lenet();
        List<Tensor> params = m.initialParameters(be, DType.F32, new SplittableRandom(2));
        Tensor x = batch(3, 4);
        Tensor r = Classifier.representation(m, params, Var.constant(x)).value();
        int w = Classifier.weightIndex(m);
        Tensor logits = org.leakbench.autodiff.Ops.add(
                        org.leakbench.autodiff.Ops.matmul(Var.constant(r), Var.constant(params.get(w))),
                        Var.constant(params.get(w + 1)))
                .value();
        assertArrayEquals(Gradients.predict(m, params, x).toDoubleArray(), logits.toDoubleArray(), 1e-5);
    }

    @Test
    void thePolicyIsTheSameMapOnArraysAndOnTheGraph() {
        Augmentation ats = new Augmentation(AugmentationPolicy.parse("rotate, shift,hflip,contrast", 20, 2, 0.4));
        Tensor x = batch(2, 5);
        double[] direct = ats.transform(x).toDoubleArray();
        double[] graph = AugmentationPolicy.parse("rotate,shift,hflip,contrast", 20, 2, 0.4)
                .map(9, 9)
                .apply(Var.constant(x))
                .value()
                .toDoubleArray();
        assertArrayEquals(direct, graph, 1e-5);
        // a shift by 2 down and right moves pixel (0, 0) to (2, 2) and fills the top rows with zeros
        double[] shifted = new Augmentation(AugmentationPolicy.parse("shift", 0, 2, 1))
                .transform(x)
                .toDoubleArray();
        double[] in = x.toDoubleArray();
        assertEquals(in[0], shifted[2 * 9 + 2], 1e-6);
        assertEquals(0.0, shifted[5], 0.0);
        // two flips are the identity; contrast keeps mid-grey
        assertArrayEquals(
                in,
                new Augmentation(AugmentationPolicy.parse("hflip,vflip,vflip,hflip", 0, 0, 1))
                        .transform(x)
                        .toDoubleArray(),
                1e-6);
        Tensor grey = be.full(DType.F32, 0.5, 1, 1, 9, 9);
        assertArrayEquals(
                grey.toDoubleArray(),
                new Augmentation(AugmentationPolicy.parse("contrast", 0, 0, 0.3))
                        .transform(grey)
                        .toDoubleArray(),
                1e-6);
    }

    @Test
    void aBadPolicyNamesTheParameterAndTheChoices() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> AugmentationPolicy.parse("rotate,blur", 10, 1, 1));
        assertTrue(e.getMessage().contains("ats.policy: unknown transformation 'blur'"), e.getMessage());
        assertTrue(e.getMessage().contains("hflip"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Soteria(1.5));
        Model logistic = Models.build(ModelSpec.linear(new int[] {1, 9, 9}, 10));
        assertEquals(0, Classifier.weightIndex(logistic)); // refused by the set-up check: no representation
        Model mlp = Models.build(ModelSpec.mlp(new int[] {1, 9, 9}, 3, 0.1, 1, Activation.RELU));
        assertEquals(2, Classifier.weightIndex(mlp));
    }

    @Test
    void fedAvgWithABatchDefenseStepsOncePerMinibatch() {
        Model m = lenet();
        float[][] samples = new float[5][81];
        for (int i = 0; i < 5; i++) {
            samples[i][i] = 1;
        }
        ClientData data = new ClientData(0, samples, new int[] {0, 1, 2, 3, 4}, new int[] {0, 1, 2, 3, 4});
        LocalTask task =
                new LocalTask(m, m.initialParameters(be, DType.F32, new SplittableRandom(1)), data, be, DType.F32);
        LocalResult r =
                new BatchDefenseTraining(new Soteria(0.5)).weightDifference(task, 2, 2, 0.1, new SplittableRandom(3));
        assertEquals(6, r.update().localSteps()); // 2 epochs of ⌈5 / 2⌉ minibatches
        assertEquals(5, r.examples());
    }

    @Test
    void mixUpAndInstaHideMixWithinTheBatchAndHideNothingAloneAtBatchOne() {
        Model m = lenet();
        List<Tensor> params = m.initialParameters(be, DType.F32, new SplittableRandom(1));
        Tensor one = batch(1, 7);
        double[] plain =
                Gradients.of(m, params, one, new int[] {3}).gradient().get(0).toDoubleArray();
        double[] mixed = new MixUp(1.0)
                .gradient(m, params, one, new int[] {3}, new SplittableRandom(2))
                .get(0)
                .toDoubleArray();
        assertArrayEquals(plain, mixed, 1e-6); // mixed with itself
        Tensor two = batch(2, 7);
        double[] plain2 =
                Gradients.of(m, params, two, new int[] {3, 5}).gradient().get(0).toDoubleArray();
        double[] mixed2 = new MixUp(1.0)
                .gradient(m, params, two, new int[] {3, 5}, new SplittableRandom(2))
                .get(0)
                .toDoubleArray();
        assertTrue(maxDiff(plain2, mixed2) > 1e-4);
        double[] hidden = new InstaHide(4)
                .gradient(m, params, one, new int[] {3}, new SplittableRandom(2))
                .get(0)
                .toDoubleArray();
        assertTrue(maxDiff(plain, hidden) > 1e-4); // the signs change the gradient even at batch 1
        assertThrows(IllegalArgumentException.class, () -> new InstaHide(0));
        assertThrows(IllegalArgumentException.class, () -> new MixUp(0));
    }

    @Test
    void betaAndDirichletDrawsHaveTheirMeans() {
        SplittableRandom rng = new SplittableRandom(11);
        double sum = 0;
        double sq = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            double b = Mixing.beta(0.4, rng);
            sum += b;
            sq += b * b;
        }
        // Beta(0.4, 0.4): mean 1/2, variance 1 / (4 (2·0.4 + 1)) = 0.1389
        assertEquals(0.5, sum / n, 0.01);
        assertEquals(0.1389, sq / n - 0.25, 0.005);
        double[] w = Mixing.dirichlet(4, 0.65, rng);
        assertEquals(1.0, java.util.Arrays.stream(w).sum(), 1e-12);
        assertTrue(java.util.Arrays.stream(w).allMatch(v -> v >= 0 && v <= 0.65));
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
