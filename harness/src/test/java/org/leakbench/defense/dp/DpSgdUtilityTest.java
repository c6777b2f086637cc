package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.membership.TrainingRecipe;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Datasets;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * DP-SGD (Abadi et al. 2016: per-example clipping to C = 1, Gaussian noise σC) of an MLP (784-64-10, ReLU) on
 * the bundled 2,000-image Fashion-MNIST subset: 5 epochs of batches of 64, lr 0.5. ε from the RDP accountant
 * with q = 64/2000 and 160 steps, δ = 1e-5 (improved conversion); the batches are a shuffled partition, so
 * the Poisson-sampling ε is the customary approximation. Measured: σ = 0.5, 1, 2, 4 give test accuracy
 * 0.718, 0.716, 0.650, 0.518 at ε = 18.2, 3.17, 0.95, 0.40 (chance is 0.1).
 */
class DpSgdUtilityTest {
    private static final int EPOCHS = 5;
    private static final int BATCH = 64;

    private final Backend be = Backends.get("ejml");
    private final DataSplit data = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null);
    private final Model model = Models.build(ModelSpec.mlp(new int[] {784}, 10, 0.25, 1, Activation.RELU));

    private double accuracy(double sigma) {
        int n = data.train().size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        TrainingRecipe recipe = new TrainingRecipe(EPOCHS, BATCH, 0.5, sigma, 1.0);
        List<Tensor> p = recipe.train(
                model, be, DType.F32, data.train().samples(), data.train().labels(), rows, new SplittableRandom(1));
        return Sgd.accuracy(
                model, be, DType.F32, p, data.test().samples(), data.test().labels(), 500);
    }

    private double epsilon(double sigma) {
        int n = data.train().size();
        long steps = (long) EPOCHS * ((n + BATCH - 1) / BATCH);
        return RdpAccountant.epsilon(sigma, BATCH / (double) n, steps, 1e-5, Conversion.IMPROVED);
    }

    @Test
    void moderateNoiseStillLearnsAndMoreNoiseCostsAccuracy() {
        double moderate = accuracy(1.0);
        double heavy = accuracy(4.0);
        double epsModerate = epsilon(1.0);
        double epsHeavy = epsilon(4.0);
        String what = "σ=1: accuracy " + moderate + " at ε " + epsModerate + "; σ=4: " + heavy + " at ε " + epsHeavy;
        assertTrue(moderate > 0.6, "DP-SGD with σ = 1 should learn well above chance (0.1): " + what);
        assertTrue(heavy < moderate - 0.1, "accuracy should fall as σ grows: " + what);
        assertTrue(epsModerate > 1 && epsModerate < 10 && epsHeavy < epsModerate, "ε should fall as σ grows: " + what);
    }
}
