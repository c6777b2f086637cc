package org.leakbench.attack.membership;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Datasets;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.RdpAccountant;
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
 * Accuracy versus ε of DP-SGD (clipping C = 1) for an MLP (784-64-10, ReLU), one line per noise multiplier.
 * ε is the RDP bound (δ = 1e-5, improved conversion) for q = batch / rows and epochs·⌈rows / batch⌉ steps;
 * the trainer uses shuffled batches, for which the Poisson-sampling bound is the customary approximation.
 * Usage: {@code DpSgdUtilityDemo dataset epochs batch lr sigma...}, e.g. {@code fashion-mnist 2 256 1.0 0.8 1.5 4}.
 */
public final class DpSgdUtilityDemo {
    private static final double DELTA = 1e-5;

    private DpSgdUtilityDemo() {
    }

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: DpSgdUtilityDemo dataset epochs batch lr sigma...");
            System.exit(2);
        }
        DataSplit d = Datasets.load(args[0], null);
        int epochs = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        double lr = Double.parseDouble(args[3]);
        int n = d.train().size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        Backend be = Backends.get("ejml");
        Model model = Models.build(ModelSpec.mlp(new int[] {d.train().featureCount()}, d.train().numClasses(), 0.25,
                1, Activation.RELU));
        long steps = (long) epochs * ((n + batch - 1) / batch);
        double q = batch / (double) n;
        System.out.println("sigma,epsilon,delta,q,steps,test_accuracy");
        for (int i = 4; i < args.length; i++) {
            double sigma = Double.parseDouble(args[i]);
            List<Tensor> p = new TrainingRecipe(epochs, batch, lr, sigma, 1.0).train(model, be, DType.F32,
                    d.train().samples(), d.train().labels(), rows, new SplittableRandom(1));
            double acc = Sgd.accuracy(model, be, DType.F32, p, d.test().samples(), d.test().labels(), 500);
            double eps = sigma > 0 ? RdpAccountant.epsilon(sigma, q, steps, DELTA, Conversion.IMPROVED)
                    : Double.POSITIVE_INFINITY;
            System.out.printf(Locale.ROOT, "%g,%.4f,%g,%.5f,%d,%.4f%n", sigma, eps, DELTA, q, steps, acc);
        }
    }
}
