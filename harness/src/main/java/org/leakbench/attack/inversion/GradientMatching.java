package org.leakbench.attack.inversion;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.NetOps;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.defense.client.DefenseKnowledge;
import org.leakbench.model.ForwardState;
import org.leakbench.model.Model;
import org.leakbench.optim.Objective;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * The objective of gradient inversion as a function of the flat unknowns z = [x, ŷ]: the distance
 * between the gradient the model would produce on (x, softmax(ŷ)) and the observed one, plus an
 * optional total-variation prior on x (images only) and an optional L1 term on the gradient difference (TAG,
 * Deng et al. 2021). With a softmax input, x holds scores per token and position and the model sees their
 * softmax over the vocabulary, a point of the probability simplex per position, as TAG-style text attacks relax
 * one-hot tokens. Adapted to a defense that draws noise inside the model (PRECODE), that noise is a third block of
 * unknowns after x and ŷ, and the defense's term of the client's loss joins the task loss. Differentiating it needs
 * the gradient of a gradient.
 */
public final class GradientMatching implements Objective {
    /** How dummy and observed gradients are compared. */
    public enum Distance {
        SQUARED_L2,
        COSINE
    }

    private final Model model;
    private final Backend be;
    private final DType dtype;
    private final List<Var> params;
    private final List<Var> target;
    private final int batch;
    private final int[] xShape;
    private final int inputSize;
    private final int classes;
    private final int[] fixedLabels;
    private final Distance distance;
    private final double tvWeight;
    private final double l1Weight;
    private final boolean softmaxInput;
    /** GradInversion's batch-norm prior and its weight, or null (every attack before it). */
    private BatchNormPrior bnPrior;

    private double bnWeight;
    /** Parameters whose gradients are left out of the distance (an adaptive attack on Soteria), else empty. */
    private java.util.Set<Integer> ignored = java.util.Set.of();
    /** The client's known transformation of its batch, applied to the candidate (adaptive attack on ATS). */
    private java.util.function.UnaryOperator<Var> inputMap = java.util.function.UnaryOperator.identity();
    /** The lower end of the candidate box and the decoding of a found candidate (adaptive attack on InstaHide). */
    private double candidateLow = 0;

    private java.util.function.UnaryOperator<float[][]> decode = java.util.function.UnaryOperator.identity();
    /** The defense's noise inside the model, optimised as more unknowns (adaptive attack on PRECODE), or null. */
    private DefenseKnowledge.LatentNoise latent;

    private int[] noiseShape = new int[0];
    private int noiseSize;

    /**
     * The noise unknowns u are searched where box-constrained attacks search everything, in [0, 1], and read as
     * ε = NOISE_SPAN·(u − ½): within ±3 standard deviations of the N(0, 1) the defense draws from.
     */
    static final double NOISE_SPAN = 6;

    /**
     * @param fixedLabels labels to use (iDLG), or null to optimise soft labels jointly (DLG)
     */
    public GradientMatching(Observation obs, DType dtype, int[] fixedLabels, Distance distance, double tvWeight) {
        this(obs, dtype, fixedLabels, distance, tvWeight, 0, false);
    }

    /**
     * @param fixedLabels  labels to use, or null to optimise soft labels jointly
     * @param l1Weight     weight of Σ‖∇ − ∇obs‖₁ added to the distance (0: none)
     * @param softmaxInput whether x holds scores whose softmax over the last axis the model sees
     */
    public GradientMatching(
            Observation obs,
            DType dtype,
            int[] fixedLabels,
            Distance distance,
            double tvWeight,
            double l1Weight,
            boolean softmaxInput) {
        this.model = obs.model();
        List<Tensor> p = obs.parameters();
        this.be = p.get(0).backend();
        this.dtype = dtype;
        this.params = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            params.add(Var.leaf(
                    be.cast(p.get(i), dtype), model.parameterShapes().get(i).name()));
        }
        this.target = new ArrayList<>();
        for (Tensor t : obs.gradientSignal()) {
            target.add(Var.constant(be.cast(be.from(t), dtype)));
        }
        this.batch = obs.batchSize();
        int[] in = model.attackInputShape();
        this.xShape = new int[in.length + 1];
        xShape[0] = batch;
        System.arraycopy(in, 0, xShape, 1, in.length);
        this.inputSize = org.leakbench.tensor.Shape.size(in);
        this.classes = model.spec().numClasses();
        if (fixedLabels != null && fixedLabels.length != batch) {
            throw new IllegalArgumentException(
                    "gradient matching: " + fixedLabels.length + " labels for a batch of " + batch);
        }
        this.fixedLabels = fixedLabels;
        this.distance = distance;
        this.tvWeight = tvWeight;
        if (!(l1Weight >= 0) || Double.isInfinite(l1Weight)) {
            throw new IllegalArgumentException("gradient matching: L1 weight must be finite and >= 0, got " + l1Weight);
        }
        this.l1Weight = l1Weight;
        this.softmaxInput = softmaxInput;
    }

    /**
     * Adds {@code weight} times the batch-norm prior on the candidate's BatchNorm statistics to the objective (Yin
     * et al. 2021). Call before the first evaluation.
     */
    public GradientMatching withBatchNormPrior(BatchNormPrior prior, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(
                    "gradient matching: BN prior weight must be finite and >= 0, got " + weight);
        }
        this.bnPrior = weight > 0 ? prior : null;
        this.bnWeight = weight;
        return this;
    }

    /**
     * Adapts the objective to a defense the attacker knows (Balunović et al., Bayesian Framework for Gradient
     * Leakage, ICLR 2022): the gradients the defense perturbs are left out of the distance, and the candidate
     * passes the client's transformation before the model. Call before the first evaluation.
     */
    public GradientMatching adaptedTo(DefenseKnowledge knowledge) {
        for (int i : knowledge.ignoredParameters()) {
            if (i < 0 || i >= params.size()) {
                throw new IllegalArgumentException(
                        "gradient matching: cannot ignore parameter " + i + " of " + params.size());
            }
        }
        if (knowledge.ignoredParameters().size() >= params.size()) {
            throw new IllegalArgumentException("gradient matching: the adaptation ignores every parameter");
        }
        this.ignored = knowledge.ignoredParameters();
        this.inputMap = knowledge.inputMap();
        this.candidateLow = knowledge.candidateLow();
        this.decode = knowledge.decode();
        this.latent = knowledge.latent();
        if (latent != null) {
            this.noiseShape = latent.shape(batch);
            this.noiseSize = org.leakbench.tensor.Shape.size(noiseShape);
        }
        return this;
    }

    /** The lower end of the box a box-constrained attack searches: 0, or lower for an adapted attack. */
    public double candidateLow() {
        return candidateLow;
    }

    /** What the attack reports for a solution: its images, decoded as the known defense asks. */
    public float[][] recovered(double[] z) {
        return decode.apply(images(z));
    }

    /** The shape of one sample as optimised ({@link Model#attackInputShape()}). */
    public int[] sampleShape() {
        return java.util.Arrays.copyOfRange(xShape, 1, xShape.length);
    }

    /**
     * Length of the unknown vector: the images, then (for soft labels) the label logits, then (adapted to a
     * defense with noise inside the model) that noise.
     */
    public int dimension() {
        return labelEnd() + noiseSize;
    }

    private int labelEnd() {
        return batch * inputSize + (fixedLabels == null ? batch * classes : 0);
    }

    public int imageLength() {
        return batch * inputSize;
    }

    @Override
    public double evaluate(double[] z, double[] gradient) {
        Var x = Var.leaf(be.fromArray(java.util.Arrays.copyOfRange(z, 0, batch * inputSize), dtype, xShape), "x");
        Var labelLogits = null;
        ForwardState recording = bnPrior == null ? null : ForwardState.recording();
        Var input = inputMap.apply(softmaxInput ? NetOps.softmax(x) : x);
        Var noiseUnknowns = null;
        Var penalty = null;
        Var logits;
        if (latent != null) {
            noiseUnknowns = Var.leaf(
                    be.fromArray(java.util.Arrays.copyOfRange(z, labelEnd(), z.length), dtype, noiseShape), "noise");
            Var noise = Ops.scale(Ops.addScalar(noiseUnknowns, -0.5), NOISE_SPAN);
            DefenseKnowledge.LatentNoise.Pass pass =
                    latent.pass(input, params, recording == null ? ForwardState.batchStatistics() : recording, noise);
            logits = pass.logits();
            penalty = pass.penalty();
        } else {
            logits = recording == null ? model.logits(input, params) : model.logits(input, params, recording);
        }
        Var loss;
        if (fixedLabels == null) {
            labelLogits = Var.leaf(
                    be.fromArray(java.util.Arrays.copyOfRange(z, batch * inputSize, labelEnd()), dtype, batch, classes),
                    "y");
            loss = Losses.softCrossEntropy(logits, Ops.exp(Ops.logSoftmax(labelLogits)));
        } else {
            loss = Losses.crossEntropy(logits, fixedLabels);
        }
        if (penalty != null) {
            loss = Ops.add(loss, penalty);
        }
        List<Var> matched = params;
        List<Var> observed = target;
        if (!ignored.isEmpty()) {
            matched = new ArrayList<>();
            observed = new ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                if (!ignored.contains(i)) {
                    matched.add(params.get(i));
                    observed.add(target.get(i));
                }
            }
        }
        List<Var> g = Autodiff.grad(loss, matched, true);
        Var objective = distance == Distance.SQUARED_L2
                ? Losses.squaredDistance(g, observed)
                : Losses.cosineDistance(g, observed);
        if (l1Weight > 0) {
            objective = Ops.add(objective, Ops.scale(Losses.l1Distance(g, observed), l1Weight));
        }
        if (recording != null) {
            objective = Ops.add(objective, Ops.scale(bnPrior.penalty(recording.recordedInputs()), bnWeight));
        }
        if (tvWeight > 0 && xShape.length == 4) {
            objective = Ops.add(objective, Ops.scale(Losses.totalVariation(x), tvWeight));
        }
        List<Var> wrt = new ArrayList<>(List.of(x));
        if (labelLogits != null) {
            wrt.add(labelLogits);
        }
        if (noiseUnknowns != null) {
            wrt.add(noiseUnknowns);
        }
        List<Var> grads = Autodiff.grad(objective, wrt, false);
        int offset = 0;
        for (Var each : grads) {
            double[] v = each.value().toDoubleArray();
            System.arraycopy(v, 0, gradient, offset, v.length);
            offset += v.length;
        }
        return objective.value().item();
    }

    /** The images of a solution vector, one row per sample. */
    public float[][] images(double[] z) {
        float[][] out = new float[batch][inputSize];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < inputSize; j++) {
                out[b][j] = (float) z[b * inputSize + j];
            }
        }
        return out;
    }

    /** The labels of a solution: the fixed ones, or the arg-max of the learnt soft labels. */
    public int[] labels(double[] z) {
        if (fixedLabels != null) {
            return fixedLabels.clone();
        }
        int[] out = new int[batch];
        int off = batch * inputSize;
        for (int b = 0; b < batch; b++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (z[off + b * classes + k] > z[off + b * classes + best]) {
                    best = k;
                }
            }
            out[b] = best;
        }
        return out;
    }
}
