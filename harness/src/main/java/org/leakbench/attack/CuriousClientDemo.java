package org.leakbench.attack;

import java.util.Locale;
import org.leakbench.attack.analytic.AnalyticAttack;
import org.leakbench.attack.inversion.DlgAttack;
import org.leakbench.attack.inversion.DlgOptions;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Datasets;
import org.leakbench.model.Activation;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;

/**
 * Prints the curious-client curve on the bundled Fashion-MNIST subset: leakage of the others' samples versus
 * their number, for DLG on DLG's LeNet and closed-form recovery on an MLP (784-128-10, ReLU), one test image
 * per client, two seeds. Usage: {@code CuriousClientDemo [others ...]} (default 1 2 4 8).
 */
public final class CuriousClientDemo {
    private CuriousClientDemo() {
    }

    public static void main(String[] args) {
        int[] others = args.length == 0 ? new int[] {1, 2, 4, 8}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        DataSplit d = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null);
        Backend be = Backends.get("ejml");
        ModelSpec lenet = ModelSpec.lenet(new int[] {1, 28, 28}, 10);
        ModelSpec mlp = ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.5, 1, Activation.RELU);
        System.out.println("model,attack,others,seed,status,mean_psnr,max_psnr,mean_ssim,recovered_frac");
        for (int n : others) {
            for (long seed = 1; seed <= 2; seed++) {
                int first = 7 + 40 * (int) seed;
                print(new CuriousClientExperiment(Models.build(mlp), be, d.test().samples(), d.test().labels())
                        .run(n, 1, first, new AnalyticAttack(), seed), "mlp", "analytic", seed);
                print(new CuriousClientExperiment(Models.build(lenet), be, d.test().samples(), d.test().labels())
                        .run(n, 1, first, new DlgAttack(DlgOptions.paper()), seed), "lenet", "dlg", seed);
            }
        }
    }

    private static void print(CuriousClientExperiment.Outcome o, String model, String attack, long seed) {
        if (o.score() == null) {
            System.out.printf(Locale.ROOT, "%s,%s,%d,%d,%s,,,,%n", model, attack, o.others(), seed, o.status());
            return;
        }
        System.out.printf(Locale.ROOT, "%s,%s,%d,%d,%s,%.2f,%.2f,%.3f,%.2f%n", model, attack, o.others(), seed,
                o.status(), o.score().meanPsnr(), o.score().maxPsnr(), o.score().meanSsim(),
                o.score().recoveredFraction());
    }
}
