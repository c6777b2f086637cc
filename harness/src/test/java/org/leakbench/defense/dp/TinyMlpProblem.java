package org.leakbench.defense.dp;

import java.util.SplittableRandom;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;

/** The small problem of the DP-SGD step tests: a tanh MLP on six inputs and three classes, and Gaussian rows. */
final class TinyMlpProblem {
    private TinyMlpProblem() {}

    /** One hidden layer of 16 tanh units on six inputs, three classes. */
    static Model model() {
        return Models.build(ModelSpec.mlp(new int[] {6}, 3, 1.0 / 16, 1, Activation.TANH));
    }

    /** Fills the rows of {@code x} (six columns each) with standard Gaussians of seed 2, and labels y[i] = i mod 3. */
    static void fill(float[][] x, int[] y) {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 6; j++) {
                x[i][j] = (float) r.nextGaussian();
            }
            y[i] = i % 3;
        }
    }
}
