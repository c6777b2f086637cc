package org.leakbench.defense.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.fl.Update;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.PerExampleGradients;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * DP-SGD on a model (Abadi et al. 2016, Algorithm 1): the per-example gradients of a batch, each clipped to
 * norm C, summed, N(0, σ²C²) added to every coordinate, divided by the batch size; and local training made of
 * such steps. The one place where the federated clients, the victim's observed update and the sweeps get their
 * DP-SGD gradients, so that what is attacked is what is trained.
 */
public final class DpSgdStep {
    private DpSgdStep() {
    }

    /** The noisy mean gradient at {@code params} on the rows {@code batch} of (samples, labels). */
    public static List<Tensor> noisyGradient(Model model, Backend be, DType dtype, List<Tensor> params,
                                             float[][] samples, int[] labels, int[] batch, DpSgdOptions options,
                                             SplittableRandom rng) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("DP-SGD needs a non-empty batch");
        }
        Tensor x = Sgd.batch(be, dtype, samples, batch, model.spec().inputShape());
        // One backward pass for dense networks, batches of one otherwise (PerExampleGradients).
        PerExampleGradients.ClippedSum clipped = PerExampleGradients.clippedSum(model, params, x,
                Sgd.pick(labels, batch), options.clipNorm());
        double std = options.noiseMultiplier() * options.clipNorm();
        FastGaussianSampler noise = new FastGaussianSampler(rng);
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            // Tensor by tensor in the parameters' order, the sampler running on from one to the next: the same
            // draws, coordinate for coordinate, as on the flat vector of all parameters.
            Tensor t = be.editedCopy(clipped.sum().get(i), params.get(i).shape(),
                    v -> NoisySum.noiseAndScale(v, std, batch.length, noise));
            out.add(t.dtype() == dtype ? t : be.cast(t, dtype));
        }
        return out;
    }

    /**
     * One flat gradient per row of {@code batch}, in the order of the model's parameter tensors, from batches
     * of one (a reference for {@link PerExampleGradients} and for attacks that need the gradients themselves).
     */
    public static float[][] perExampleGradients(Model model, Backend be, DType dtype, List<Tensor> params,
                                                float[][] samples, int[] labels, int[] batch) {
        float[][] out = new float[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            int[] one = {batch[i]};
            Tensor x = Sgd.batch(be, dtype, samples, one, model.spec().inputShape());
            out[i] = Update.fromTensors(Gradients.of(model, params, x, Sgd.pick(labels, one)).gradient()).flatten();
        }
        return out;
    }

    /** {@code epochs} passes of shuffled minibatch DP-SGD over the rows {@code indices}; returns new parameters. */
    public static List<Tensor> train(Model model, Backend be, DType dtype, List<Tensor> params, float[][] samples,
                                     int[] labels, int[] indices, int epochs, int batchSize, double lr,
                                     DpSgdOptions options, SplittableRandom rng) {
        List<Tensor> p = params;
        int[] order = indices.clone();
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length; start += batchSize) {
                int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
                p = Sgd.step(be, p, noisyGradient(model, be, dtype, p, samples, labels, idx, options, rng), lr);
            }
        }
        return p;
    }
}
