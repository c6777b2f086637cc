package org.leakbench.attack.inversion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Model;
import org.leakbench.optim.Objective;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * The objective of FedAvg-aware inversion (Dimitrov, Balunović, Konstantinov, Vechev, "Data Leakage in Federated
 * Averaging", TMLR 2022): the client's local training is simulated differentiably on candidate inputs, and the
 * simulated weight difference θ₀ − θ_E is compared with the observed one by cosine distance (as Inverting Gradients
 * compares gradients). The client's {@code localSteps} full-batch SGD steps of rate η are E epochs of one
 * minibatch each, so every epoch has its own copy X_e of the batch; the epoch-order-invariance prior asks the
 * copies to agree, λ·Σ_e ‖X_e − X̄‖²/n, because every epoch sees the same inputs (the paper's prior also aligns
 * epochs whose minibatch order was shuffled; with one minibatch per epoch the positions already agree). Total
 * variation is added for each copy. The unknowns are the E copies, epoch after epoch.
 */
final class FedAvgSimulation implements Objective {
    private final Model model;
    private final Backend be;
    private final DType dtype;
    private final List<Var> start;
    private final List<Var> target;
    private final int[] labels;
    private final int epochs;
    private final double lr;
    private final int[] xShape;
    private final int perEpoch;
    private final double tvWeight;
    private final double priorWeight;

    /**
     * @param epochs      how many copies of the batch to optimise: the client's local steps (aware), or 1 for the
     *                    naive attack that reads the update as one gradient step of rate η·steps
     * @param priorWeight λ of the epoch-order-invariance prior (0: none)
     */
    FedAvgSimulation(Observation obs, DType dtype, int[] labels, int epochs, double tvWeight, double priorWeight) {
        this.model = obs.model();
        List<Tensor> p = obs.parameters();
        this.be = p.get(0).backend();
        this.dtype = dtype;
        this.start = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            start.add(Var.leaf(
                    be.cast(p.get(i), dtype), model.parameterShapes().get(i).name()));
        }
        this.target = new ArrayList<>();
        for (Tensor t : obs.update()) {
            target.add(Var.constant(be.cast(be.from(t), dtype)));
        }
        this.labels = labels.clone();
        this.epochs = epochs;
        this.lr = obs.learningRate() * obs.localSteps() / epochs;
        int[] in = model.spec().inputShape();
        this.xShape = new int[in.length + 1];
        xShape[0] = obs.batchSize();
        System.arraycopy(in, 0, xShape, 1, in.length);
        this.perEpoch = org.leakbench.tensor.Shape.size(xShape);
        this.tvWeight = tvWeight;
        this.priorWeight = priorWeight;
    }

    int dimension() {
        return perEpoch * epochs;
    }

    @Override
    public double evaluate(double[] z, double[] gradient) {
        List<Var> xs = new ArrayList<>(epochs);
        List<Var> theta = start;
        Var penalty = null;
        for (int e = 0; e < epochs; e++) {
            Var x = Var.leaf(
                    be.fromArray(Arrays.copyOfRange(z, e * perEpoch, (e + 1) * perEpoch), dtype, xShape), "x" + e);
            xs.add(x);
            List<Var> g = Autodiff.grad(Losses.crossEntropy(model.logits(x, theta), labels), theta, true);
            List<Var> next = new ArrayList<>(theta.size());
            for (int i = 0; i < theta.size(); i++) {
                next.add(Ops.sub(theta.get(i), Ops.scale(g.get(i), lr)));
            }
            theta = next;
            if (tvWeight > 0 && xShape.length == 4) {
                Var tv = Ops.scale(Losses.totalVariation(x), tvWeight / epochs);
                penalty = penalty == null ? tv : Ops.add(penalty, tv);
            }
        }
        List<Var> simulated = new ArrayList<>(theta.size());
        for (int i = 0; i < theta.size(); i++) {
            simulated.add(Ops.sub(start.get(i), theta.get(i)));
        }
        Var objective = Losses.cosineDistance(simulated, target);
        if (penalty != null) {
            objective = Ops.add(objective, penalty);
        }
        List<Var> grads = Autodiff.grad(objective, xs, false);
        double value = objective.value().item();
        for (int e = 0; e < epochs; e++) {
            double[] ge = grads.get(e).value().toDoubleArray();
            System.arraycopy(ge, 0, gradient, e * perEpoch, perEpoch);
        }
        if (epochs > 1 && priorWeight > 0) {
            double[] mean = mean(z);
            for (int e = 0; e < epochs; e++) {
                for (int i = 0; i < perEpoch; i++) {
                    double d = z[e * perEpoch + i] - mean[i];
                    value += priorWeight * d * d / perEpoch;
                    gradient[e * perEpoch + i] += 2 * priorWeight * d / perEpoch;
                }
            }
        }
        return value;
    }

    /** The mean of the epochs' copies: the reconstruction. */
    double[] mean(double[] z) {
        double[] mean = new double[perEpoch];
        for (int e = 0; e < epochs; e++) {
            for (int i = 0; i < perEpoch; i++) {
                mean[i] += z[e * perEpoch + i] / epochs;
            }
        }
        return mean;
    }

    /** The images of a reconstruction, one row per sample. */
    float[][] images(double[] x) {
        int batch = xShape[0];
        int size = perEpoch / batch;
        float[][] out = new float[batch][size];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < size; j++) {
                out[b][j] = (float) x[b * size + j];
            }
        }
        return out;
    }
}
