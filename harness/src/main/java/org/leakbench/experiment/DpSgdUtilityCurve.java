package org.leakbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.leakbench.attack.membership.TrainingRecipe;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.dp.DpSgdSchedule;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Test accuracy versus ε of centralised DP-SGD (Abadi et al. 2016) for a one-hidden-layer ReLU MLP (64 hidden
 * units), one point per noise multiplier. Batches are Poisson-sampled, as the accountant assumes; ε is the RDP
 * bound (Mironov 2017) with the improved conversion (Balle et al. 2020) for the schedule the trainer runs:
 * q = min(1, batch / rows) and epochs · ⌈rows / batch⌉ steps. σ = 0 is plain SGD, at ε = ∞.
 */
public final class DpSgdUtilityCurve {
    /** The CSV header of {@link Row#csv()}. */
    public static final String HEADER = "sigma,epsilon,delta,q,steps,test_accuracy";
    /** Hidden units as a multiple of the MLP's base width of 256. */
    private static final double WIDTH = 0.25;

    private static final int EVAL_CHUNK = 500;

    /** One point of the curve. */
    public record Row(double sigma, double epsilon, double delta, double sampleRate, long steps, double accuracy) {
        public String csv() {
            return String.format(
                    Locale.ROOT, "%g,%.4f,%g,%.5f,%d,%.4f", sigma, epsilon, delta, sampleRate, steps, accuracy);
        }
    }

    private final DataSplit data;
    private final Backend backend;

    public DpSgdUtilityCurve(DataSplit data, Backend backend) {
        this.data = data;
        this.backend = backend;
    }

    /**
     * Trains one model per σ in {@code sigmas} on all training rows, each from {@code seed}, with clipping norm
     * {@code clip}, and reports its test accuracy and ε at {@code delta}.
     */
    public List<Row> run(int epochs, int batch, double lr, double clip, double delta, double[] sigmas, long seed) {
        if (sigmas.length == 0) {
            throw new IllegalArgumentException("dp-sgd utility: need at least one noise multiplier");
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("dp-sgd utility: delta must be in (0, 1), got " + delta);
        }
        int n = data.train().size();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        Model model = Models.build(
                ModelSpec.mlp(data.train().sampleShape(), data.train().numClasses(), WIDTH, 1, Activation.RELU));
        List<Row> out = new ArrayList<>(sigmas.length);
        for (double sigma : sigmas) {
            TrainingRecipe recipe = new TrainingRecipe(epochs, batch, lr, sigma, clip);
            List<Tensor> p = recipe.train(
                    model,
                    backend,
                    DType.F32,
                    data.train().samples(),
                    data.train().labels(),
                    rows,
                    new SplittableRandom(seed));
            double acc = Sgd.accuracy(
                    model,
                    backend,
                    DType.F32,
                    p,
                    data.test().samples(),
                    data.test().labels(),
                    EVAL_CHUNK);
            DpSgdSchedule schedule = recipe.dpSchedule(n);
            double eps = sigma > 0 ? schedule.epsilon(sigma, delta) : Double.POSITIVE_INFINITY;
            out.add(new Row(sigma, eps, delta, schedule.sampleRate(), schedule.steps(), acc));
        }
        return out;
    }
}
