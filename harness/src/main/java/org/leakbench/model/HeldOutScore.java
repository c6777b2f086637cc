package org.leakbench.model;

import java.util.List;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A model's score on held-out rows, both read from one forward pass per chunk: the share of rows whose arg-max
 * logit is the label, and the mean cross-entropy of the label in nats. For a next-token model the exponential of
 * the mean loss is its perplexity. The forward pass is {@link Gradients#predict}; a model with BatchNorm is scored
 * in evaluation mode on the running statistics it is given, or, without them, on each chunk's batch statistics.
 *
 * @param accuracy share of rows predicted right; NaN without rows
 * @param meanLoss mean of {@code −log softmax(logits)[label]} over the rows, in nats; NaN without rows, and NaN or
 *                 infinite when the model's logits are
 */
public record HeldOutScore(double accuracy, double meanLoss) {
    /** Scores {@code params} on the rows of (samples, labels), {@code chunk} rows per forward pass. */
    public static HeldOutScore of(
            Model model, Backend be, DType dtype, List<Tensor> params, float[][] samples, int[] labels, int chunk) {
        return of(model, be, dtype, params, List.of(), samples, labels, chunk);
    }

    /**
     * Scores {@code params} with the BatchNorm running statistics {@code buffers} ({@link Model#bufferShapes()}
     * order), so that a row's prediction does not depend on the rows it is evaluated with; an empty list falls
     * back to batch statistics.
     */
    public static HeldOutScore of(
            Model model,
            Backend be,
            DType dtype,
            List<Tensor> params,
            List<Tensor> buffers,
            float[][] samples,
            int[] labels,
            int chunk) {
        if (!buffers.isEmpty() && buffers.size() != model.bufferShapes().size()) {
            throw new IllegalArgumentException(
                    "held-out score: " + buffers.size() + " running statistics for a model with "
                            + model.bufferShapes().size());
        }
        ForwardState state = buffers.isEmpty() ? ForwardState.batchStatistics() : ForwardState.evaluation(buffers);
        if (chunk < 1) {
            throw new IllegalArgumentException("evaluation chunk must be at least 1 row, got " + chunk);
        }
        if (labels.length != samples.length) {
            throw new IllegalArgumentException(
                    "held-out data has " + samples.length + " rows but " + labels.length + " labels");
        }
        if (samples.length == 0) {
            return new HeldOutScore(Double.NaN, Double.NaN);
        }
        int k = model.spec().numClasses();
        int correct = 0;
        double loss = 0;
        for (int start = 0; start < samples.length; start += chunk) {
            int n = Math.min(chunk, samples.length - start);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = start + i;
            }
            double[] logits = Gradients.predict(
                            model,
                            params,
                            Sgd.batch(be, dtype, samples, idx, model.spec().inputShape()),
                            state)
                    .toDoubleArray();
            for (int i = 0; i < n; i++) {
                int label = labels[start + i];
                if (label < 0 || label >= k) {
                    throw new IllegalArgumentException(
                            "held-out row " + (start + i) + " has label " + label + ", outside [0, " + k + ")");
                }
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (logits[i * k + j] > logits[i * k + best]) {
                        best = j;
                    }
                }
                if (best == label) {
                    correct++;
                }
                loss += crossEntropy(logits, i * k, k, label);
            }
        }
        return new HeldOutScore(correct / (double) samples.length, loss / samples.length);
    }

    /** {@code log Σ exp(z) − z[label]} for the k logits from {@code offset}, shifted by their maximum. */
    static double crossEntropy(double[] logits, int offset, int k, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        if (Double.isNaN(max) || Double.isInfinite(max)) {
            // Math.max passes NaN on; an infinite logit leaves no finite shift, so the loss is not a number.
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(logits[offset + j] - max);
        }
        return max + Math.log(sum) - logits[offset + label];
    }
}
