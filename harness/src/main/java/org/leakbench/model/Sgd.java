package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Plain minibatch SGD on in-memory arrays: the local training of a client and of shadow models. Samples
 * are flattened rows; the model reshapes them.
 */
public final class Sgd {
    private Sgd() {}

    /** One step θ ← θ − lr·g. */
    public static List<Tensor> step(Backend be, List<Tensor> params, List<Tensor> gradient, double lr) {
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            out.add(be.sub(params.get(i), be.scale(gradient.get(i), lr)));
        }
        return out;
    }

    /** A batch tensor [n, ...inputShape] from the rows at {@code idx}. */
    public static Tensor batch(Backend be, DType dtype, float[][] samples, int[] idx, int[] inputShape) {
        int d = samples[idx[0]].length;
        double[] data = new double[idx.length * d];
        for (int i = 0; i < idx.length; i++) {
            float[] s = samples[idx[i]];
            if (s.length != d) {
                throw new IllegalArgumentException("sample " + idx[i] + " has " + s.length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                data[i * d + j] = s[j];
            }
        }
        return be.fromArray(data, dtype, LeNet.prepend(idx.length, inputShape));
    }

    public static int[] pick(int[] labels, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = labels[idx[i]];
        }
        return out;
    }

    /**
     * {@code epochs} passes of shuffled minibatch SGD over the rows {@code indices} of (samples, labels).
     * Returns the new parameters; the input list is not changed.
     */
    public static List<Tensor> train(
            Model model,
            Backend be,
            DType dtype,
            List<Tensor> params,
            float[][] samples,
            int[] labels,
            int[] indices,
            int epochs,
            int batchSize,
            double lr,
            SplittableRandom rng) {
        return trainTracking(model, be, dtype, params, List.of(), samples, labels, indices, epochs, batchSize, lr, rng)
                .params();
    }

    /** Parameters and BatchNorm running statistics after local training. */
    public record Trained(List<Tensor> params, List<Tensor> buffers) {}

    /**
     * {@link #train} that also carries the BatchNorm running statistics {@code buffers} through every step, each
     * forward pass updating them with PyTorch's momentum {@link BatchNormLayer#MOMENTUM} (training mode: the
     * gradients are those of {@link #train}). An empty {@code buffers} (a model without BatchNorm, or statistics
     * not carried) trains on batch statistics alone and returns it unchanged.
     */
    public static Trained trainTracking(
            Model model,
            Backend be,
            DType dtype,
            List<Tensor> params,
            List<Tensor> buffers,
            float[][] samples,
            int[] labels,
            int[] indices,
            int epochs,
            int batchSize,
            double lr,
            SplittableRandom rng) {
        List<Tensor> p = params;
        List<Tensor> b = buffers;
        if (indices.length == 0) {
            return new Trained(p, b);
        }
        int[] order = indices.clone();
        for (int e = 0; e < epochs; e++) {
            shuffle(order, rng);
            for (int start = 0; start < order.length; start += batchSize) {
                int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
                Tensor x = batch(be, dtype, samples, idx, model.spec().inputShape());
                ForwardState state = b.isEmpty()
                        ? ForwardState.batchStatistics()
                        : ForwardState.tracking(b, BatchNormLayer.MOMENTUM);
                Gradients.LossAndGradient lg = Gradients.of(model, p, x, pick(labels, idx), state);
                p = step(be, p, lg.gradient(), lr);
                b = b.isEmpty() ? b : List.copyOf(state.buffers());
            }
        }
        return new Trained(p, b);
    }

    /** Fraction of rows whose arg-max logit is the label ({@link HeldOutScore#accuracy()}). */
    public static double accuracy(
            Model model, Backend be, DType dtype, List<Tensor> params, float[][] samples, int[] labels, int chunk) {
        return HeldOutScore.of(model, be, dtype, params, samples, labels, chunk).accuracy();
    }

    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
