package org.leakbench.fl;

import java.util.SplittableRandom;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;

/** Separable test data: one Gaussian blob per class, centred at ±3 on its own axis, unit noise. */
final class SyntheticBlobs {
    static final int CLASSES = 4;
    static final int DIM = 8;

    private SyntheticBlobs() {}

    static FlData data(int train, int test, int clients, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] xs = new float[train][];
        int[] ys = new int[train];
        fill(xs, ys, rng);
        float[][] tx = new float[test][];
        int[] ty = new int[test];
        fill(tx, ty, rng);
        return new FlData(xs, ys, FlData.iidPartition(train, clients, seed + 1), tx, ty);
    }

    private static void fill(float[][] xs, int[] ys, SplittableRandom rng) {
        for (int i = 0; i < xs.length; i++) {
            int c = rng.nextInt(CLASSES);
            float[] x = new float[DIM];
            for (int j = 0; j < DIM; j++) {
                x[j] = (float) rng.nextGaussian();
            }
            x[c % DIM] += c < DIM ? 3f : -3f;
            x[(c + 1) % DIM] -= 1.5f;
            xs[i] = x;
            ys[i] = c;
        }
    }

    static Model logistic() {
        return Models.build(ModelSpec.linear(new int[] {DIM}, CLASSES));
    }

    /** An MLP of one hidden layer of 16 units. */
    static Model mlp() {
        return Models.build(ModelSpec.mlp(new int[] {DIM}, CLASSES, 16.0 / 256, 1, Activation.RELU));
    }
}
