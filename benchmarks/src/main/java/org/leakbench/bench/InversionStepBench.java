package org.leakbench.bench;

import java.util.SplittableRandom;
import org.leakbench.attack.inversion.GradientMatching;
import org.leakbench.attack.inversion.InvertingGradientsOptions;
import org.leakbench.attack.inversion.LabelRecovery;
import org.leakbench.tensor.DType;
import org.leakbench.update.Observation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One evaluation of a gradient-inversion objective and its gradient with respect to the unknowns, through the
 * attacks' own {@link GradientMatching}: {@code dlg} is what one L-BFGS closure call of DLG costs (forward,
 * parameter gradient with the graph kept, squared distance to the observed gradient, backward to the dummy
 * images and soft labels); {@code invertingGradients} is one Adam step's evaluation of Inverting Gradients
 * (cosine distance plus total variation, labels fixed from the gradient).
 */
public class InversionStepBench extends SampledBenchmark {
    @Param({"java", "nd4j"})
    public String backend;

    @Param({"lenet", "mlp256x2", "resnet20", "resnet20w4", "transformer"})
    public String model;

    @Param({"1", "8", "32"})
    public int batch;

    private GradientMatching dlg;
    private GradientMatching ig;
    private double[] zDlg;
    private double[] zIg;
    private double[] gDlg;
    private double[] gIg;

    @Setup
    public void setup() {
        Workload w = Workload.of(backend, model, batch);
        Observation obs = w.observation();
        dlg = new GradientMatching(obs, DType.F32, null, GradientMatching.Distance.SQUARED_L2, 0);
        int[] labels = LabelRecovery.batchLabels(obs.gradientSignal(), obs.batchSize());
        ig = new GradientMatching(
                obs,
                DType.F32,
                labels,
                GradientMatching.Distance.COSINE,
                InvertingGradientsOptions.defaults().tvWeight());
        SplittableRandom rng = new SplittableRandom(3);
        zDlg = new double[dlg.dimension()];
        for (int i = 0; i < zDlg.length; i++) {
            zDlg[i] = rng.nextGaussian(); // DLG starts from Gaussian dummies
        }
        zIg = new double[ig.dimension()];
        for (int i = 0; i < zIg.length; i++) {
            zIg[i] = rng.nextDouble(); // Inverting Gradients starts uniform in the image box
        }
        gDlg = new double[zDlg.length];
        gIg = new double[zIg.length];
    }

    @Benchmark
    public double dlg() {
        return dlg.evaluate(zDlg, gDlg) + gDlg[0];
    }

    @Benchmark
    public double invertingGradients() {
        return ig.evaluate(zIg, gIg) + gIg[0];
    }
}
