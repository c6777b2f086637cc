package org.leakbench.attack.membership;

import java.util.List;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Per-sample quantities read off a model's logits: the cross-entropy loss on the true label and LiRA's
 * logit-scaled confidence φ = log(p_y / (1 − p_y)). Both are computed from log-sum-exp of the logits, never
 * from p itself, so they stay finite when p_y rounds to 0 or 1 (φ = z_y − logsumexp_{j≠y} z_j, and the
 * loss is softplus(−φ)).
 */
final class ModelOutputs {
    private static final int CHUNK = 256;

    private ModelOutputs() {}

    static void checkCandidates(float[][] samples, int[] labels, Model model) {
        if (samples == null || labels == null) {
            throw new IllegalArgumentException("membership: samples and labels must be given");
        }
        if (samples.length != labels.length) {
            throw new IllegalArgumentException(
                    "membership: " + samples.length + " samples but " + labels.length + " labels");
        }
        int k = model.spec().numClasses();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException(
                        "membership: label " + i + " is " + labels[i] + ", outside [0, " + (k - 1) + "]");
            }
        }
    }

    /**
     * Refuses a target with a NaN or infinite parameter: its outputs carry no membership signal, and scoring
     * them would give tied (or NaN) scores whose AUC of 0.5 reads as "no leakage". A diverged target is a
     * result of its own, reported by whoever trained it.
     */
    static void checkTarget(MembershipTarget target, String attack) {
        List<Tensor> params = target.parameters();
        for (int i = 0; i < params.size(); i++) {
            double[] v = params.get(i).toDoubleArray();
            for (int j = 0; j < v.length; j++) {
                if (!Double.isFinite(v[j])) {
                    throw new IllegalArgumentException(attack + ": the target's parameter "
                            + target.model().parameterShapes().get(i).name() + " is not finite (" + v[j]
                            + " at index " + j + "); a diverged target has no membership signal to score");
                }
            }
        }
    }

    /** Cross-entropy loss of each sample on its true label. */
    static double[] losses(Model model, List<Tensor> params, DType dtype, float[][] samples, int[] labels) {
        return perSample(model, params, dtype, samples, labels, true);
    }

    /** Logit-scaled confidence φ of each sample on its true label. */
    static double[] scaledConfidences(Model model, List<Tensor> params, DType dtype, float[][] samples, int[] labels) {
        return perSample(model, params, dtype, samples, labels, false);
    }

    private static double[] perSample(
            Model model, List<Tensor> params, DType dtype, float[][] samples, int[] labels, boolean loss) {
        Backend be = params.get(0).backend();
        int k = model.spec().numClasses();
        double[] out = new double[samples.length];
        for (int start = 0; start < samples.length; start += CHUNK) {
            int n = Math.min(CHUNK, samples.length - start);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = start + i;
            }
            Tensor x = Sgd.batch(be, dtype, samples, idx, model.spec().inputShape());
            double[] z = Gradients.predict(model, params, x).toDoubleArray();
            for (int i = 0; i < n; i++) {
                int y = labels[start + i];
                double zy = z[i * k + y];
                double phi = zy - logSumExp(z, i * k, k, y);
                out[start + i] = loss ? softplus(-phi) : phi;
            }
        }
        return out;
    }

    /**
     * log(1 + e^v). The loss equals softplus(−φ); computing it this way keeps tiny losses of confident
     * samples distinct (1e-30, 1e-40, ...) where logsumexp − z_y would round them all to 0 and tie them.
     */
    static double softplus(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    /** log Σ exp(z[off + j]) over j in [0, k), skipping j = {@code skip}. */
    private static double logSumExp(double[] z, int off, int k, int skip) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            if (j != skip) {
                max = Math.max(max, z[off + j]);
            }
        }
        double s = 0;
        for (int j = 0; j < k; j++) {
            if (j != skip) {
                s += Math.exp(z[off + j] - max);
            }
        }
        return max + Math.log(s);
    }
}
