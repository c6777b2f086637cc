package org.leakbench.attack.analytic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * Recovery from the imprint branch of an {@link ImprintedModel} (Fowl et al., ICLR 2022). Unit i is
 * active for samples brighter than t_i; with ascending thresholds the samples of bin i are those
 * active in unit i but not in i+1, so (gW_i − gW_{i+1}) / (gb_i − gb_{i+1}) is their input — exact when
 * the bin holds one sample, a mixture when several collide. Works on an aggregated batch of any size.
 *
 * <p>With k bins of equal mass under the data distribution, a sample is alone in its bin with probability
 * (1 − 1/k)^(n−1) for a batch of n, so the expected recovered fraction is that number ({@link
 * #expectedRecoveredFraction}; Fowl et al., Sec. 3, count the bins that hold exactly one sample, n·(1 − 1/k)^(n−1)).
 */
public final class RobbingTheFedAttack implements MaliciousServerAttack {
    /** Bins when none are asked for: four per sample, at least 64 (the imprint's width before it was a parameter). */
    static final int AUTO_BINS_PER_SAMPLE = 4;

    static final int AUTO_MIN_BINS = 64;

    private final int bins;

    /** An attack whose imprint has {@code bins} bins, or 0 for {@link #autoBins}. */
    public RobbingTheFedAttack(int bins) {
        if (bins == 1 || bins < 0) {
            throw new IllegalArgumentException(
                    "rtf.bins " + bins + ": the imprint needs at least 2 bins (0 = four per sample, at least 64)");
        }
        this.bins = bins;
    }

    /** An attack with {@link #autoBins} bins. */
    public RobbingTheFedAttack() {
        this(0);
    }

    /** The bins used at {@code batch} when none were asked for: max(64, 4·batch). */
    public static int autoBins(int batch) {
        return Math.max(AUTO_MIN_BINS, AUTO_BINS_PER_SAMPLE * batch);
    }

    /** The bins this attack's imprint has at {@code batch}. */
    public int bins(int batch) {
        return bins == 0 ? autoBins(batch) : bins;
    }

    /**
     * The expected share of a batch of {@code batch} samples that lands alone in one of {@code bins} equal-mass
     * bins, and is therefore recovered exactly: (1 − 1/bins)^(batch − 1).
     */
    public static double expectedRecoveredFraction(int batch, int bins) {
        if (batch < 1 || bins < 1) {
            throw new IllegalArgumentException(
                    "expected recovery needs batch >= 1 and bins >= 1, got batch " + batch + ", bins " + bins);
        }
        return Math.pow(1.0 - 1.0 / bins, batch - 1);
    }

    @Override
    public double expectedRecoveredFraction(int batch) {
        return expectedRecoveredFraction(batch, bins(batch));
    }

    /** The imprinted model, its brightness thresholds the equal-mass quantiles of {@code publicSamples}. */
    @Override
    public ServerModel modelToSend(
            Model honest, List<Tensor> params, float[][] publicSamples, int batch, SplittableRandom rng) {
        int k = bins(batch);
        ImprintedModel imprinted = new ImprintedModel(honest, k);
        double[] thresholds = thresholdsFromPublicData(publicSamples, k);
        return new ServerModel(imprinted, imprinted.parameters(params, thresholds, rng));
    }

    @Override
    public String name() {
        return "rtf";
    }

    /** Equal-mass brightness thresholds from data the server already has (public or its own). */
    public static double[] thresholdsFromPublicData(float[][] publicSamples, int bins) {
        double[] brightness = new double[publicSamples.length];
        for (int i = 0; i < publicSamples.length; i++) {
            double s = 0;
            for (float v : publicSamples[i]) {
                s += v;
            }
            brightness[i] = s / publicSamples[i].length;
        }
        Arrays.sort(brightness);
        double[] t = new double[bins];
        for (int i = 0; i < bins; i++) {
            int idx = (int) Math.floor((double) i * brightness.length / bins);
            t[i] = i == 0 ? brightness[0] - 1.0 : brightness[Math.min(idx, brightness.length - 1)];
        }
        for (int i = 1; i < bins; i++) { // keep them strictly increasing
            if (t[i] <= t[i - 1]) {
                t[i] = Math.nextUp(t[i - 1]);
            }
        }
        return t;
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        if (!(obs.model() instanceof ImprintedModel imprinted)) {
            return AttackResult.failed("rtf needs the server to have sent an imprinted model", 0);
        }
        if (ctx.stopRequested()) {
            return AttackResult.empty(ctx.stopStatus(), 0, millis(start));
        }
        if (!obs.finiteUpdate()) { // the bin differences would be NaN or infinite: nothing was measured
            return AttackResult.empty(AttackResult.DIVERGED, 0, millis(start));
        }
        List<Tensor> g = obs.gradientSignal();
        double[] gw = g.get(0).toDoubleArray();
        double[] gb = g.get(1).toDoubleArray();
        int d = g.get(0).shape()[0];
        int bins = imprinted.bins();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double db = gb[i] - (i + 1 < bins ? gb[i + 1] : 0);
            if (Math.abs(db) < 1e-12 * (1 + Math.abs(gb[i]))) {
                continue; // empty bin
            }
            float[] x = new float[d];
            for (int j = 0; j < d; j++) {
                double dw = gw[j * bins + i] - (i + 1 < bins ? gw[j * bins + i + 1] : 0);
                x[j] = (float) (dw / db);
            }
            out.add(x);
        }
        if (out.isEmpty()) {
            return AttackResult.failed("no bin of the imprint layer was activated", millis(start));
        }
        return new AttackResult(out.toArray(new float[0][]), null, AttackResult.OK, 0, Double.NaN, millis(start));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
