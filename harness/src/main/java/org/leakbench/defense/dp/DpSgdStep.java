package org.leakbench.defense.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.PerExampleGradients;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * DP-SGD on a model (Abadi et al. 2016, Algorithm 1): the per-example gradients of a batch, each clipped to
 * norm C, summed, N(0, σ²C²) added to every coordinate, divided by the batch size; and local training made of
 * such steps, on Poisson-sampled batches by default ({@link DpSgdSchedule}). The one place where the federated clients, the victim's observed update and the sweeps get their
 * DP-SGD gradients, so that what is attacked is what is trained.
 */
public final class DpSgdStep {
    private DpSgdStep() {}

    /**
     * The noisy mean gradient at {@code params} on the rows {@code batch} of (samples, labels), divided by the
     * batch's size, with the noise source of {@code options} seeded from {@code rng}.
     */
    public static List<Tensor> noisyGradient(
            Model model,
            Backend be,
            DType dtype,
            List<Tensor> params,
            float[][] samples,
            int[] labels,
            int[] batch,
            DpSgdOptions options,
            SplittableRandom rng) {
        return noisyGradient(model, be, dtype, params, samples, labels, batch, options, rng, null);
    }

    /**
     * As {@link #noisyGradient(Model, Backend, DType, List, float[][], int[], int[], DpSgdOptions,
     * SplittableRandom)}, adding each example's unclipped gradient norm to {@code norms} unless it is null.
     */
    public static List<Tensor> noisyGradient(
            Model model,
            Backend be,
            DType dtype,
            List<Tensor> params,
            float[][] samples,
            int[] labels,
            int[] batch,
            DpSgdOptions options,
            SplittableRandom rng,
            NormHistogram norms) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("DP-SGD needs a non-empty batch to divide by its size");
        }
        return noisyGradient(
                model,
                be,
                dtype,
                params,
                samples,
                labels,
                batch,
                batch.length,
                options,
                NoiseSources.gaussian(options.noise(), rng),
                norms);
    }

    /**
     * (Σ clipped per-example gradients of {@code batch} + N(0, σ²C²)) / {@code denominator}. An empty batch (a
     * Poisson draw that picked no row) releases the noise alone, as the mechanism the accountant analyses does.
     */
    public static List<Tensor> noisyGradient(
            Model model,
            Backend be,
            DType dtype,
            List<Tensor> params,
            float[][] samples,
            int[] labels,
            int[] batch,
            double denominator,
            DpSgdOptions options,
            NoiseSource noise) {
        return noisyGradient(model, be, dtype, params, samples, labels, batch, denominator, options, noise, null);
    }

    /** As the overload without {@code norms}, adding each example's unclipped norm to {@code norms} unless null. */
    public static List<Tensor> noisyGradient(
            Model model,
            Backend be,
            DType dtype,
            List<Tensor> params,
            float[][] samples,
            int[] labels,
            int[] batch,
            double denominator,
            DpSgdOptions options,
            NoiseSource noise,
            NormHistogram norms) {
        if (!(denominator > 0) || Double.isInfinite(denominator)) {
            throw new IllegalArgumentException("DP-SGD denominator must be finite and > 0, got " + denominator);
        }
        double std = options.noiseMultiplier() * options.clipNorm();
        List<Tensor> out = new ArrayList<>(params.size());
        if (batch.length == 0) {
            for (Tensor p : params) {
                float[] v = NoisySum.noiseAndScale(new float[p.size()], std, denominator, noise);
                Tensor t = be.fromFloats(v, p.shape());
                out.add(t.dtype() == dtype ? t : be.cast(t, dtype));
            }
            return out;
        }
        Tensor x = Sgd.batch(be, dtype, samples, batch, model.spec().inputShape());
        // One backward pass for dense networks, batches of one otherwise (PerExampleGradients).
        PerExampleGradients.ClippedSum clipped =
                PerExampleGradients.clippedSum(model, params, x, Sgd.pick(labels, batch), options.clipNorm());
        if (norms != null) {
            norms.addAll(clipped.norms());
        }
        for (int i = 0; i < params.size(); i++) {
            // Tensor by tensor in the parameters' order, the sampler running on from one to the next: the same
            // draws, coordinate for coordinate, as on the flat vector of all parameters. A clipped sum that is this
            // step's alone takes the noise without a copy.
            java.util.function.Consumer<float[]> addNoise = v -> NoisySum.noiseAndScale(v, std, denominator, noise);
            Tensor sum = clipped.sum().get(i);
            Tensor t = clipped.exclusive()
                    ? be.editedInPlace(sum, params.get(i).shape(), addNoise)
                    : be.editedCopy(sum, params.get(i).shape(), addNoise);
            out.add(t.dtype() == dtype ? t : be.cast(t, dtype));
        }
        return out;
    }

    /**
     * One flat gradient per row of {@code batch}, in the order of the model's parameter tensors, from batches
     * of one (a reference for {@link PerExampleGradients} and for attacks that need the gradients themselves).
     */
    public static float[][] perExampleGradients(
            Model model, Backend be, DType dtype, List<Tensor> params, float[][] samples, int[] labels, int[] batch) {
        float[][] out = new float[batch.length][];
        for (int i = 0; i < batch.length; i++) {
            int[] one = {batch[i]};
            Tensor x = Sgd.batch(be, dtype, samples, one, model.spec().inputShape());
            out[i] = Update.fromTensors(Gradients.of(model, params, x, Sgd.pick(labels, one))
                            .gradient())
                    .flatten();
        }
        return out;
    }

    /**
     * {@code epochs} epochs of DP-SGD over the rows {@code indices}, with the batches of
     * {@link DpSgdSchedule} under {@code options.sampling()}; returns new parameters.
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
            DpSgdOptions options,
            SplittableRandom rng) {
        return train(model, be, dtype, params, samples, labels, indices, epochs, batchSize, lr, options, rng, null);
    }

    /** As the overload without {@code norms}, adding each example's unclipped norm to {@code norms} unless null. */
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
            DpSgdOptions options,
            SplittableRandom rng,
            NormHistogram norms) {
        DpSgdSchedule schedule = DpSgdSchedule.ofEpochs(indices.length, batchSize, epochs, options.sampling());
        DpSgdSchedule.Batches batches = schedule.batches(indices);
        List<Tensor> p = params;
        while (batches.hasNext()) {
            int[] idx = batches.next(rng);
            List<Tensor> g = noisyGradient(
                    model,
                    be,
                    dtype,
                    p,
                    samples,
                    labels,
                    idx,
                    batches.denominator(idx),
                    options,
                    NoiseSources.gaussian(options.noise(), rng),
                    norms);
            p = Sgd.step(be, p, g, lr);
        }
        return p;
    }
}
