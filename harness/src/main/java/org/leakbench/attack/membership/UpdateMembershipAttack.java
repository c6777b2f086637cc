package org.leakbench.attack.membership;

import java.util.List;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * Membership inference from one client's update, as the server of federated learning can run it: was the
 * record (x, y) in the batch behind the update u? A FedSGD gradient is the mean of its batch's per-example
 * gradients, and a FedAvg update θ_global − θ_local is, to first order, the learning rate times their sum over
 * the local steps; either way a member's own gradient ∇θ ℓ(x, y; θ_global) is a summand of u and points along
 * it. The score is the cosine between the two, the signal of the gradient-matching membership attacks of
 * Nasr, Shokri and Houmansadr ("Comprehensive Privacy Analysis of Deep Learning", IEEE S&amp;P 2019) and of
 * Melis et al. ("Exploiting Unintended Feature Leakage in Collaborative Learning", IEEE S&amp;P 2019).
 *
 * <p>The gradients of one model share a large common direction, at initialisation above all, which makes every
 * record's cosine with the update high. The attack therefore removes it first, estimated as the mean gradient
 * of the known-out records below: each record's gradient minus that mean is compared with the update minus its
 * component along the mean.
 *
 * <p>Cosines of different updates are not on one scale (a batch of 1 gives cosine 1 to its member, a batch of
 * 64 much less), so each update's scores are calibrated on records the server knows were not in the batch:
 * the score is the cosine's z-score against the cosines of those known-out records. The calibrated scores of
 * many updates can then share one threshold and one ROC.
 */
public final class UpdateMembershipAttack {
    /** The name used in result rows. */
    public static final String NAME = "mia-update";

    private final Model model;
    private final List<Tensor> global;
    private final DType dtype;

    /**
     * @param model  the federated model's architecture
     * @param global the global parameters the client started from (the server sent them)
     * @param dtype  evaluation precision
     */
    public UpdateMembershipAttack(Model model, List<Tensor> global, DType dtype) {
        if (model == null || global == null || dtype == null) {
            throw new IllegalArgumentException(NAME + ": model, parameters and dtype must be given");
        }
        if (global.size() != model.parameterShapes().size()) {
            throw new IllegalArgumentException(NAME + ": model " + model.spec().label() + " has "
                    + model.parameterShapes().size() + " parameter tensors but " + global.size() + " were given");
        }
        this.model = model;
        this.global = List.copyOf(global);
        this.dtype = dtype;
    }

    /**
     * The calibrated scores of {@code candidates} against the observed {@code update}, higher meaning "in the
     * batch".
     *
     * @param known    records known not to be in the batch (at least 2), for the calibration
     */
    public double[] scores(Update update, float[][] candidates, int[] labels, float[][] known, int[] knownLabels) {
        ModelOutputs.checkCandidates(candidates, labels, model);
        ModelOutputs.checkCandidates(known, knownLabels, model);
        if (known.length < 2) {
            throw new IllegalArgumentException(
                    NAME + ": needs at least 2 known non-members to calibrate, got " + known.length);
        }
        double[] u = flat(update);
        double[][] gKnown = gradients(known, knownLabels);
        double[][] gCand = gradients(candidates, labels);
        // Gradients of one model share a large common direction (at initialisation most of all): remove the mean
        // known-out gradient from the records' gradients and its direction from the update, so that the cosine
        // measures the part of a gradient that is the record's own.
        int d = u.length;
        double[] mean = new double[d];
        for (double[] g : gKnown) {
            for (int j = 0; j < d; j++) {
                mean[j] += g[j] / gKnown.length;
            }
        }
        double mm = dot(mean, mean);
        double um = dot(u, mean);
        double[] uc = new double[d];
        for (int j = 0; j < d; j++) {
            uc[j] = mm > 0 ? u[j] - um / mm * mean[j] : u[j];
        }
        double[] raw = cosines(uc, gCand, mean);
        double[] ref = cosines(uc, gKnown, mean);
        double mu = 0;
        for (double v : ref) {
            mu += v;
        }
        mu /= ref.length;
        double var = 0;
        for (double v : ref) {
            var += (v - mu) * (v - mu);
        }
        double std = Math.max(1e-12, Math.sqrt(var / (ref.length - 1)));
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (raw[i] - mu) / std;
        }
        return out;
    }

    /** cos(g_i − mean, u) for each gradient; 0 when either vector is zero or the cosine is not finite. */
    private static double[] cosines(double[] u, double[][] g, double[] mean) {
        double uu = dot(u, u);
        double[] out = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            double num = 0;
            double gg = 0;
            for (int j = 0; j < u.length; j++) {
                double c = g[i][j] - mean[j];
                num += c * u[j];
                gg += c * c;
            }
            double c = num / Math.sqrt(gg * uu);
            out[i] = Double.isFinite(c) ? c : 0;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** ∇θ ℓ(x_i, y_i; θ_global), flattened, for each record. */
    private double[][] gradients(float[][] x, int[] y) {
        Backend be = global.get(0).backend();
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int[] one = {i};
            Tensor xi = Sgd.batch(be, dtype, x, one, model.spec().inputShape());
            List<Tensor> g = Gradients.of(model, global, xi, Sgd.pick(y, one)).gradient();
            double[] flat = new double[size()];
            int at = 0;
            for (Tensor t : g) {
                for (double v : t.toDoubleArray()) {
                    flat[at++] = v;
                }
            }
            out[i] = flat;
        }
        return out;
    }

    private int size() {
        int n = 0;
        for (Tensor t : global) {
            n += t.size();
        }
        return n;
    }

    private double[] flat(Update update) {
        int n = 0;
        for (float[] v : update.values()) {
            n += v.length;
        }
        int expected = size();
        if (n != expected) {
            throw new IllegalArgumentException(NAME + ": the update has " + n + " values but model "
                    + model.spec().label() + " has " + expected + " parameters");
        }
        double[] u = new double[n];
        int at = 0;
        for (float[] v : update.values()) {
            for (float f : v) {
                u[at++] = f;
            }
        }
        return u;
    }
}
