package org.leakbench.attack.audit;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.DpSampling;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdSchedule;
import org.leakbench.defense.dp.DpSgdStep;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.defense.dp.RdpAccountant;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Black-box input-space canaries for DP-SGD (Jagielski, Ullman, Oprea 2020; Nasr et al. 2023): mislabelled
 * examples — points deep inside class 0 labelled 1 — added to a small two-class table, a logistic-regression model
 * trained by the production DP-SGD ({@link DpSgdStep#noisyGradient} on the Poisson batches of
 * {@link DpSgdSchedule}), and only the final model queried: a canary's score is the log-probability the model gives
 * its (wrong) label. This is the auditor a model's user could be, and it is far weaker than the white-box
 * {@link DiracCanaries}: a black-box ε̂ well below ε says little about the accountant.
 *
 * <p>The table has {@value #ROWS} rows; the batch is B = round(q·{@value #ROWS}) and the accountant is given
 * q = B/{@value #ROWS}, the largest rate a canary meets (present canaries only add rows). The model starts each run
 * from the same parameters, as a fixed initialisation is allowed to be.
 */
public final class MislabelledCanaries implements CanaryMechanism {
    static final int ROWS = 64;
    private static final int FEATURES = 8;
    private static final double LEARNING_RATE = 0.5;

    private final AuditSetting claimed;
    private final Backend backend;
    private final int batch;

    public MislabelledCanaries(AuditSetting setting, Backend backend) {
        this.claimed = setting;
        this.backend = backend;
        this.batch = (int) Math.max(1, Math.round(setting.sampleRate() * ROWS));
    }

    @Override
    public double[] run(boolean[] included, SplittableRandom rng) {
        SplittableRandom data = new SplittableRandom(0x5eed_ca4a_11L); // the same table and canaries every run
        int m = included.length;
        float[][] canaries = new float[m][];
        for (int i = 0; i < m; i++) {
            canaries[i] = point(data, 0, 3.0);
        }
        int present = 0;
        for (boolean b : included) {
            present += b ? 1 : 0;
        }
        int rows = ROWS + present;
        float[][] x = new float[rows][];
        int[] y = new int[rows];
        for (int r = 0; r < ROWS; r++) {
            y[r] = r % 2;
            x[r] = point(data, y[r], 1.0);
        }
        int next = ROWS;
        for (int i = 0; i < m; i++) {
            if (included[i]) {
                x[next] = canaries[i];
                y[next++] = 1;
            }
        }
        Model model = Models.build(ModelSpec.linear(new int[] {FEATURES}, 2));
        List<Tensor> params = model.initialParameters(backend, DType.F32, new SplittableRandom(7));
        DpSgdOptions options = new DpSgdOptions(claimed.clipNorm(), claimed.noiseMultiplier());
        DpSgdSchedule.Batches batches =
                new DpSgdSchedule(rows, batch, claimed.steps(), DpSampling.POISSON).batches(range(rows));
        while (batches.hasNext()) {
            int[] idx = batches.next(rng);
            List<Tensor> g = DpSgdStep.noisyGradient(
                    model,
                    backend,
                    DType.F32,
                    params,
                    x,
                    y,
                    idx,
                    batches.denominator(idx),
                    options,
                    NoiseSources.gaussian(options.noise(), rng));
            params = Sgd.step(backend, params, g, LEARNING_RATE);
        }
        double[] logits = Gradients.predict(
                        model, params, Sgd.batch(backend, DType.F32, canaries, range(m), new int[] {FEATURES}))
                .toDoubleArray();
        double[] scores = new double[m];
        for (int i = 0; i < m; i++) {
            double z0 = logits[2 * i];
            double z1 = logits[2 * i + 1];
            double hi = Math.max(z0, z1);
            scores[i] = z1 - hi - Math.log(Math.exp(z0 - hi) + Math.exp(z1 - hi)); // log p(label 1)
        }
        return scores;
    }

    /** A point of class {@code label}: mean ±1/√d on every feature (− for class 0), times {@code spread}, plus N(0, 1). */
    private static float[] point(SplittableRandom rng, int label, double spread) {
        float[] v = new float[FEATURES];
        double mean = (label == 0 ? -1 : 1) * spread / Math.sqrt(FEATURES);
        for (int j = 0; j < FEATURES; j++) {
            v[j] = (float) (mean + gaussian(rng));
        }
        return v;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Override
    public boolean independentCanaries() {
        return false;
    }

    /** The rate the accountant is given: the batch over the table's own rows. */
    double accountedRate() {
        return Math.min(1.0, batch / (double) ROWS);
    }

    @Override
    public double accountantEpsilon(double delta) {
        return RdpAccountant.epsilon(
                claimed.noiseMultiplier(), accountedRate(), claimed.steps(), delta, Conversion.IMPROVED);
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "DP-SGD on logistic regression, mislabelled input canaries, black-box (σ=%g, C=%g, q=%g, %d steps)",
                claimed.noiseMultiplier(),
                claimed.clipNorm(),
                accountedRate(),
                claimed.steps());
    }
}
