package org.leakbench.attack.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A small DP-SGD trainer (Abadi et al., "Deep Learning with Differential Privacy", CCS 2016) for the
 * membership experiments: each example's gradient is clipped to L2 norm C, the clipped gradients are summed,
 * Gaussian noise N(0, σ²C²) is added to every coordinate, and the sum is divided by the batch size. Batches
 * are a shuffled partition per epoch rather than Poisson samples, which is enough to show the attack's AUC
 * fall; privacy accounting belongs to the defense package. Per-example gradients come from batches of one.
 */
final class DpSgdTraining {
    private DpSgdTraining() {
    }

    static List<Tensor> train(Model model, Backend be, DType dtype, List<Tensor> params, float[][] samples,
                              int[] labels, int[] indices, TrainingRecipe recipe, SplittableRandom rng) {
        List<Tensor> p = params;
        int[] order = indices.clone();
        int[] inputShape = model.spec().inputShape();
        for (int e = 0; e < recipe.epochs(); e++) {
            shuffle(order, rng);
            for (int start = 0; start < order.length; start += recipe.batchSize()) {
                int end = Math.min(order.length, start + recipe.batchSize());
                double[][] sum = zeros(p);
                for (int i = start; i < end; i++) {
                    int[] one = {order[i]};
                    Tensor x = Sgd.batch(be, dtype, samples, one, inputShape);
                    List<Tensor> g = Gradients.of(model, p, x, Sgd.pick(labels, one)).gradient();
                    addClipped(sum, g, recipe.clipNorm());
                }
                double std = recipe.noiseMultiplier() * recipe.clipNorm();
                int b = end - start;
                List<Tensor> noisy = new ArrayList<>(p.size());
                for (int t = 0; t < sum.length; t++) {
                    double[] s = sum[t];
                    for (int j = 0; j < s.length; j++) {
                        s[j] = (s[j] + std * gaussian(rng)) / b;
                    }
                    noisy.add(be.fromArray(s, dtype, p.get(t).shape()));
                }
                p = Sgd.step(be, p, noisy, recipe.learningRate());
            }
        }
        return p;
    }

    private static double[][] zeros(List<Tensor> p) {
        double[][] out = new double[p.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[p.get(i).size()];
        }
        return out;
    }

    private static void addClipped(double[][] sum, List<Tensor> g, double clip) {
        double[][] parts = new double[g.size()][];
        double sq = 0;
        for (int t = 0; t < parts.length; t++) {
            parts[t] = g.get(t).toDoubleArray();
            for (double v : parts[t]) {
                sq += v * v;
            }
        }
        double factor = Math.min(1.0, clip / Math.max(Math.sqrt(sq), 1e-300));
        for (int t = 0; t < parts.length; t++) {
            for (int j = 0; j < parts[t].length; j++) {
                sum[t][j] += factor * parts[t][j];
            }
        }
    }

    /** A standard normal draw (Java 17's RandomGenerator default, deterministic for a given seed). */
    static double gaussian(SplittableRandom rng) {
        return rng.nextGaussian();
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
