package org.leakbench.attack.property;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ParamShape;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Passive property inference on FedSGD updates, after Melis et al. (IEEE S&amp;P 2019): does the batch behind
 * an update contain a sample with some property?
 *
 * <p>The attacker holds auxiliary rows labelled with the property. On the shared model it computes
 * {@link PropertyInferenceOptions#trainingBatches()} updates of batches that contain
 * {@link PropertyInferenceOptions#propertySamples()} property rows and as many of batches without any, keeps
 * the last layer's gradient (the final two parameter tensors, weight and bias) as the feature, and fits a
 * {@link LogisticRegression}. Its log-odds on a victim's update is the score.
 *
 * <p>Why it leaks: the last layer's gradient of a batch is the mean over samples of h·(p − y)ᵀ, with h the
 * penultimate activations; a property sample that sits in an unusual region of input space (e.g. a very large
 * tumour) contributes an unusual h and an unusual label, and on a batch of a few samples its term is not
 * averaged away.
 *
 * <p>The update transform models a defense applied before the attacker sees the update (e.g. Gaussian noise);
 * the attacker is assumed to know it and applies it to its own auxiliary updates too, so the classifier is
 * trained on what it will observe.
 */
public final class PropertyInferenceAttack {
    private final PropertyInferenceOptions options;
    private final UnaryOperator<float[]> updateTransform;

    /**
     * @param options         batch and classifier settings
     * @param updateTransform applied to every flattened update before the attacker sees it;
     *                        {@link UnaryOperator#identity()} for no defense
     */
    public PropertyInferenceAttack(PropertyInferenceOptions options, UnaryOperator<float[]> updateTransform) {
        if (options == null || updateTransform == null) {
            throw new IllegalArgumentException("property inference: options and update transform must be given");
        }
        this.options = options;
        this.updateTransform = updateTransform;
    }

    public String name() {
        return "property-inference";
    }

    public PropertyInferenceOptions options() {
        return options;
    }

    /**
     * A defense that adds independent N(0, std²) noise to every coordinate of the update. Draws from
     * {@code rng} in call order, so a fixed call sequence is reproducible.
     */
    public static UnaryOperator<float[]> gaussianNoise(double std, SplittableRandom rng) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("gaussian noise: std must be finite and >= 0, got " + std);
        }
        return u -> {
            float[] out = u.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] += (float) (std * rng.nextGaussian());
            }
            return out;
        };
    }

    /** The shared model as the round's clients received it. */
    public record SharedModel(Model model, List<Tensor> parameters, DType dtype) {
        public SharedModel {
            if (model == null || parameters == null || dtype == null) {
                throw new IllegalArgumentException("property inference: model, parameters and dtype must be given");
            }
            if (parameters.size() != model.parameterShapes().size() || parameters.size() < 2) {
                throw new IllegalArgumentException(
                        "property inference: model " + model.spec().label() + " has "
                                + model.parameterShapes().size() + " parameter tensors, " + parameters.size()
                                + " given (at least a last-layer weight and bias are needed)");
            }
            parameters = List.copyOf(parameters);
        }
    }

    /** The attacker's trained classifier. */
    public static final class Classifier {
        private final SharedModel shared;
        private final LogisticRegression regression;

        private Classifier(SharedModel shared, LogisticRegression regression) {
            this.shared = shared;
            this.regression = regression;
        }

        /** Log-odds that the batch behind {@code observedUpdate} (flattened, as observed) had the property. */
        public double score(float[] observedUpdate) {
            return regression.logit(features(shared, observedUpdate));
        }
    }

    /**
     * Trains the property classifier on the attacker's auxiliary rows.
     *
     * @param auxProperty whether each auxiliary row has the property; both kinds must be present, and at least
     *                    batchSize − propertySamples rows without it
     */
    public Classifier train(
            SharedModel shared, float[][] aux, int[] auxLabels, boolean[] auxProperty, SplittableRandom rng) {
        PropertyBatches batches =
                new PropertyBatches(auxProperty, options.batchSize(), options.propertySamples(), "auxiliary");
        int n = options.trainingBatches();
        double[][] x = new double[2 * n][];
        boolean[] y = new boolean[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = features(shared, observe(shared, aux, auxLabels, batches.with(rng)));
            y[2 * i] = true;
            x[2 * i + 1] = features(shared, observe(shared, aux, auxLabels, batches.without(rng)));
        }
        return new Classifier(
                shared,
                LogisticRegression.fit(x, y, options.classifierSteps(), options.classifierRate(), options.l2()));
    }

    /** The update of the batch {@code rows} as the attacker observes it: flattened, then transformed. */
    public float[] observe(SharedModel shared, float[][] samples, int[] labels, int[] rows) {
        Tensor x = Sgd.batch(
                shared.parameters().get(0).backend(),
                shared.dtype(),
                samples,
                rows,
                shared.model().spec().inputShape());
        List<Tensor> g = Gradients.of(shared.model(), shared.parameters(), x, Sgd.pick(labels, rows))
                .gradient();
        float[] out = updateTransform.apply(flatten(g));
        if (out == null || out.length != parameterCount(shared)) {
            throw new IllegalArgumentException("property inference: the update transform returned "
                    + (out == null ? "null" : out.length + " values") + ", expected " + parameterCount(shared));
        }
        return out;
    }

    /** All parameter tensors of an update, concatenated in order. */
    public static float[] flatten(List<Tensor> update) {
        int n = update.stream().mapToInt(Tensor::size).sum();
        float[] out = new float[n];
        int off = 0;
        for (Tensor t : update) {
            float[] v = t.toFloatArray();
            System.arraycopy(v, 0, out, off, v.length);
            off += v.length;
        }
        return out;
    }

    /** The last layer's gradient: the tail of the flattened update covering the final two parameter tensors. */
    static double[] features(SharedModel shared, float[] update) {
        List<ParamShape> shapes = shared.model().parameterShapes();
        int tail = shapes.get(shapes.size() - 1).size()
                + shapes.get(shapes.size() - 2).size();
        if (update.length != parameterCount(shared)) {
            throw new IllegalArgumentException("property inference: update has " + update.length
                    + " values, the model has " + parameterCount(shared) + " parameters");
        }
        double[] f = new double[tail];
        for (int i = 0; i < tail; i++) {
            f[i] = update[update.length - tail + i];
            if (!Double.isFinite(f[i])) { // a NaN log-odds would poison the classifier or the ROC downstream
                throw new IllegalArgumentException("property inference: the update is not finite (" + f[i]
                        + " at index " + (update.length - tail + i) + "); a diverged update carries no property "
                        + "signal");
            }
        }
        return f;
    }

    private static int parameterCount(SharedModel shared) {
        return Math.toIntExact(shared.model().parameterCount());
    }
}
