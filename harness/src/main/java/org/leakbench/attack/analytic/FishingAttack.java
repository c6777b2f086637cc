package org.leakbench.attack.analytic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.component.ParameterView;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * Class fishing (Wen, Geiping, Fowl, Goldblum, Goldstein, "Fishing for User Data in Large-Batch Federated Learning
 * via Gradient Magnification", ICML 2022): the server zeroes the output weights of every class but a target class t
 * and gives t's logit a large negative bias. Then p_t ≈ 0 for every input, and ∂L/∂h = (p_t − y_t)·w_t is ≈ 0 for a
 * sample of another class (y_t = 0) and ≈ −w_t for a sample of class t: the gradient of every layer below the output
 * is that of the few class-t samples alone, whatever the batch size. The server reads them off the first layer
 * with the unit ratios of {@link RatioGroups}, which works when the ReLU rows separate a handful of samples (they
 * cannot separate a whole batch of 64). How many there are it reads off the output bias gradient, −∂L/∂b_t·n. Since
 * every class-t sample back-propagates the same error, rows that fire for several of them hold their plain mean and
 * repeat as often as single ones; those means lie between other rows' and are dropped.
 *
 * <p>Not implemented: the paper's feature fishing, which narrows class t further to one feature range (needed when
 * many samples of a batch share the class).
 */
public final class FishingAttack implements MaliciousServerAttack {
    /** −b_t in nats: non-target samples keep e^−60 ≈ 1e-26 of their gradient, far below float32 resolution. */
    static final double MARGIN = 60;

    private final int target;

    /** An attack fishing for the samples of class {@code target}. */
    public FishingAttack(int target) {
        if (target < 0) {
            throw new IllegalArgumentException("fishing.class " + target + ": must be a class index >= 0");
        }
        this.target = target;
    }

    @Override
    public String name() {
        return "fishing";
    }

    public int target() {
        return target;
    }

    @Override
    public String refusal(ParameterView point) {
        if (point.intValue("batch") < 2) {
            return "batch " + point.intValue("batch") + ": fishing isolates one class of a larger batch; at batch 1 "
                    + "the update already is one sample's (use attack: analytic)";
        }
        return TrapWeightsAttack.firstLayerRefusal(point, "fishing's read-out and its class-t rows");
    }

    @Override
    public ServerModel modelToSend(
            Model honest, List<Tensor> params, float[][] publicSamples, int batch, SplittableRandom rng) {
        TrapWeightsAttack.checkReluMlp(honest.spec(), "fishing's read-out and its class-t rows");
        int classes = honest.spec().numClasses();
        if (target >= classes) {
            throw new IllegalArgumentException(
                    "fishing.class " + target + ": model " + honest.spec().label() + " has " + classes + " classes");
        }
        int last = params.size() - 2;
        Tensor weight = params.get(last);
        Tensor bias = params.get(last + 1);
        int in = weight.shape()[0];
        double[] w = weight.toDoubleArray();
        for (int i = 0; i < in; i++) {
            for (int c = 0; c < classes; c++) {
                if (c != target) {
                    w[i * classes + c] = 0;
                }
            }
        }
        double[] b = new double[classes];
        b[target] = -MARGIN;
        Backend be = weight.backend();
        List<Tensor> sent = new ArrayList<>(params);
        sent.set(last, be.fromArray(w, weight.dtype(), weight.shape()));
        sent.set(last + 1, be.fromArray(b, bias.dtype(), bias.shape()));
        return new ServerModel(honest, sent);
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        if (!ModelSpec.MLP.equals(obs.model().spec().family())) {
            return AttackResult.failed(
                    "fishing reads the server's fully connected first layer, not "
                            + obs.model().spec().family(),
                    0);
        }
        if (ctx.stopRequested()) {
            return AttackResult.empty(ctx.stopStatus(), 0, TrapWeightsAttack.millis(start));
        }
        if (!obs.finiteUpdate()) {
            return AttackResult.empty(AttackResult.DIVERGED, 0, TrapWeightsAttack.millis(start));
        }
        List<Tensor> g = obs.gradientSignal();
        double outBias = g.get(g.size() - 1)
                .toDoubleArray()[Math.min(target, obs.model().spec().numClasses() - 1)];
        // The mean loss's ∂L/∂b_t is Σ(p_t − y_t)/n ≈ −(samples of class t)/n.
        long caught = Math.round(-outBias * obs.batchSize());
        int limit = (int) Math.max(1, Math.min(obs.batchSize(), caught));
        List<Tensor> first = obs.gradientSignal();
        int[] shape = first.get(0).shape();
        float[][] groups = RatioGroups.strongest(
                first.get(0).toDoubleArray(), first.get(1).toDoubleArray(), shape[0], shape[1], CANDIDATES);
        List<float[]> singles = new ArrayList<>();
        for (int k = 0; k < groups.length && singles.size() < limit; k++) {
            if (!onASegment(groups, k)) {
                singles.add(groups[k]);
            }
        }
        if (singles.isEmpty()) {
            return AttackResult.failed("no row of the first layer was activated", TrapWeightsAttack.millis(start));
        }
        return new AttackResult(
                singles.toArray(new float[0][]), null, AttackResult.OK, 0, Double.NaN, TrapWeightsAttack.millis(start));
    }

    /** Groups the read-out looks at: enough for every subset of a handful of class-t samples. */
    static final int CANDIDATES = 64;

    /**
     * Whether group k lies between two others. Every class-t sample back-propagates the same error −w_t, so a row
     * that fires for a subset S of them holds the plain mean of S, which lies on the segment between the means of
     * any split of S; a sample alone is a vertex of them all.
     */
    private static boolean onASegment(float[][] g, int k) {
        for (int a = 0; a < g.length; a++) {
            for (int b = a + 1; b < g.length; b++) {
                if (a != k && b != k && between(g[k], g[a], g[b])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean between(float[] x, float[] a, float[] b) {
        double dot = 0;
        double len = 0;
        for (int i = 0; i < x.length; i++) {
            double d = b[i] - a[i];
            dot += (x[i] - a[i]) * d;
            len += d * d;
        }
        if (len == 0) {
            return false;
        }
        double t = dot / len;
        if (t <= 1e-3 || t >= 1 - 1e-3) {
            return false;
        }
        double off = 0;
        double norm = 0;
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - a[i] - t * (b[i] - a[i]);
            off += r * r;
            norm += (double) x[i] * x[i];
        }
        return off <= 1e-6 * norm;
    }
}
