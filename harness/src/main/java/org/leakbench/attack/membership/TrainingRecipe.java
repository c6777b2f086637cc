package org.leakbench.attack.membership;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.DpSampling;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdSchedule;
import org.leakbench.defense.dp.DpSgdStep;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * How a model is trained: minibatch SGD, or DP-SGD when {@code noiseMultiplier > 0}, from the model's seeded
 * initialisation or from given starting parameters. The target is trained with it, and LiRA's shadow models with
 * the same recipe (the attacker is assumed to know it, the starting point included).
 *
 * @param epochs          passes over the training rows, in [1, 10000]
 * @param batchSize       rows per step, in [1, 65536]
 * @param learningRate    SGD step size, in (0, 100]
 * @param noiseMultiplier DP-SGD noise σ (the noise standard deviation is σ·C); 0 means plain SGD; in [0, 100]
 * @param clipNorm        DP-SGD per-example clipping norm C, in (0, 1e6]; ignored when σ = 0
 * @param sampling        DP-SGD's batches: Poisson (the default, what the accountant analyses) or shuffled
 * @param noise           DP-SGD's Gaussian noise source ({@link NoiseSources#GAUSSIAN_NAMES})
 * @param start           starting parameters, in the model's parameter order; null for the seeded initialisation
 */
public record TrainingRecipe(
        int epochs,
        int batchSize,
        double learningRate,
        double noiseMultiplier,
        double clipNorm,
        DpSampling sampling,
        String noise,
        List<Tensor> start) {
    public TrainingRecipe {
        start = start == null ? null : List.copyOf(start);
        if (epochs < 1 || epochs > 10_000) {
            throw new IllegalArgumentException("recipe.epochs must be in [1, 10000], got " + epochs);
        }
        if (batchSize < 1 || batchSize > 65_536) {
            throw new IllegalArgumentException("recipe.batchSize must be in [1, 65536], got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= 100)) {
            throw new IllegalArgumentException("recipe.learningRate must be in (0, 100], got " + learningRate);
        }
        if (!(noiseMultiplier >= 0 && noiseMultiplier <= 100)) {
            throw new IllegalArgumentException("recipe.noiseMultiplier must be in [0, 100], got " + noiseMultiplier);
        }
        if (!(clipNorm > 0 && clipNorm <= 1e6)) {
            throw new IllegalArgumentException("recipe.clipNorm must be in (0, 1e6], got " + clipNorm);
        }
        if (sampling == null || !NoiseSources.GAUSSIAN_NAMES.contains(noise)) {
            throw new IllegalArgumentException("recipe: sampling must be given and noise one of "
                    + NoiseSources.GAUSSIAN_NAMES + ", got " + sampling + " and '" + noise + "'");
        }
    }

    /** A recipe from the seeded initialisation. */
    public TrainingRecipe(
            int epochs,
            int batchSize,
            double learningRate,
            double noiseMultiplier,
            double clipNorm,
            DpSampling sampling,
            String noise) {
        this(epochs, batchSize, learningRate, noiseMultiplier, clipNorm, sampling, noise, null);
    }

    /** Poisson-sampled DP-SGD with the fast Gaussian when σ &gt; 0. */
    public TrainingRecipe(int epochs, int batchSize, double learningRate, double noiseMultiplier, double clipNorm) {
        this(epochs, batchSize, learningRate, noiseMultiplier, clipNorm, DpSampling.POISSON, NoiseSources.FAST);
    }

    /** Plain SGD (no clipping, no noise). */
    public static TrainingRecipe sgd(int epochs, int batchSize, double learningRate) {
        return new TrainingRecipe(epochs, batchSize, learningRate, 0.0, 1.0);
    }

    /** The same schedule with DP-SGD: per-example clipping to {@code clipNorm}, noise σ = {@code noiseMultiplier}. */
    public TrainingRecipe withDp(double sigma, double clip) {
        return new TrainingRecipe(epochs, batchSize, learningRate, sigma, clip, sampling, noise, start);
    }

    /** The same schedule with DP-SGD drawing batches by {@code s} and noise from {@code source}. */
    public TrainingRecipe withDp(double sigma, double clip, DpSampling s, String source) {
        return new TrainingRecipe(epochs, batchSize, learningRate, sigma, clip, s, source, start);
    }

    /** The same recipe starting every model it trains from {@code params} (null: the seeded initialisation). */
    public TrainingRecipe withStart(List<Tensor> params) {
        return new TrainingRecipe(epochs, batchSize, learningRate, noiseMultiplier, clipNorm, sampling, noise, params);
    }

    /** The DP-SGD batches of training on {@code rows} rows: what {@link #train} runs and the accountant counts. */
    public DpSgdSchedule dpSchedule(int rows) {
        return DpSgdSchedule.ofEpochs(rows, batchSize, epochs, sampling);
    }

    public boolean isPrivate() {
        return noiseMultiplier > 0;
    }

    /** {@link #start()} or fresh parameters drawn from {@code rng}, then trained on the rows {@code indices}. */
    public List<Tensor> train(
            Model model,
            Backend backend,
            DType dtype,
            float[][] samples,
            int[] labels,
            int[] indices,
            SplittableRandom rng) {
        SplittableRandom initRng = rng.split(); // drawn either way, so the batch order does not depend on start
        List<Tensor> init =
                start == null ? model.initialParameters(backend, dtype, initRng) : converted(backend, dtype);
        SplittableRandom order = rng.split();
        if (isPrivate()) {
            return DpSgdStep.train(
                    model,
                    backend,
                    dtype,
                    init,
                    samples,
                    labels,
                    indices,
                    epochs,
                    batchSize,
                    learningRate,
                    new DpSgdOptions(clipNorm, noiseMultiplier, sampling, noise),
                    order);
        }
        return Sgd.train(model, backend, dtype, init, samples, labels, indices, epochs, batchSize, learningRate, order);
    }

    /** The starting parameters on {@code backend} in {@code dtype}. */
    private List<Tensor> converted(Backend backend, DType dtype) {
        return start.stream()
                .map(t -> t.dtype() == dtype ? t : backend.fromArray(t.toDoubleArray(), dtype, t.shape()))
                .toList();
    }
}
