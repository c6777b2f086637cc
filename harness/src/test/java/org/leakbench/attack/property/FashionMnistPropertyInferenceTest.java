package org.leakbench.attack.property;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Datasets;
import org.leakbench.defense.compress.GradientPruning;
import org.leakbench.defense.compress.PruningOptions;
import org.leakbench.defense.dp.Clipping;
import org.leakbench.defense.dp.FastGaussianSampler;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.ParamShape;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.update.Update;

/**
 * Property inference (Melis et al., IEEE S&amp;P 2019) on the bundled Fashion-MNIST subset. Property: the
 * victim's FedSGD batch of 8 contains a trouser (class 1). The shared model is an MLP (784-64-10, tanh) at its
 * initial parameters (the first round). The attacker trains on batches of the subset's training images; the
 * victim's batches come from its test images. A trouser in the batch adds h·(p − onehot(1))ᵀ/8 to the last
 * layer's gradient, a term no other class produces, so the property shows in the features the attack reads,
 * much as iDLG reads labels off the output bias. Defenses act on the whole update before the attacker sees it
 * (the attacker knows them and applies them to its own updates): Gaussian noise, global magnitude pruning,
 * and clipping to norm C = 0.1 with noise σC (the client-level Gaussian mechanism).
 *
 * <p>Measured AUC (seed 3, 200 victim updates of each kind): 1.000 without defense; Gaussian noise of std
 * 0.03, 0.1, 0.3, 1: 1.000, 0.852, 0.592, 0.534; clipping to 0.1 with σ = 0.03, 0.1, 0.3, 1: 0.926, 0.605,
 * 0.529, 0.517; global pruning of 90%, 99%, 99.9%: 1.000, 0.998, 0.992. Pruning is no defense here: the
 * output-layer entries that carry the property are among the largest of the update and survive.
 */
class FashionMnistPropertyInferenceTest {
    static final long SEED = 3;
    static final int BATCH = 8;
    static final int TROUSER = 1;

    static DataSplit data;
    static PropertyInferenceAttack.SharedModel shared;
    static List<int[]> shapes;

    @BeforeAll
    static void setUp() {
        data = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null);
        Backend be = Backends.get("ejml");
        Model model = Models.build(ModelSpec.mlp(new int[] {784}, 10, 0.25, 1, Activation.TANH));
        shared = new PropertyInferenceAttack.SharedModel(
                model, model.initialParameters(be, DType.F64, new SplittableRandom(SEED)), DType.F64);
        shapes = new ArrayList<>();
        for (ParamShape p : model.parameterShapes()) {
            shapes.add(p.shape());
        }
    }

    static boolean[] hasClass(int[] labels, int k) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == k;
        }
        return out;
    }

    static double auc(UnaryOperator<float[]> defense) {
        PropertyInferenceAttack attack = new PropertyInferenceAttack(PropertyInferenceOptions.defaults(BATCH), defense);
        return PropertyInferenceExperiment.run(
                        attack,
                        shared,
                        data.train().samples(),
                        data.train().labels(),
                        hasClass(data.train().labels(), TROUSER),
                        data.test().samples(),
                        data.test().labels(),
                        hasClass(data.test().labels(), TROUSER),
                        200,
                        new SplittableRandom(SEED))
                .auc();
    }

    static UnaryOperator<float[]> pruning(double fraction) {
        GradientPruning p = new GradientPruning(new PruningOptions(fraction));
        return u -> p.apply(Update.fromFlat(u, shapes, Update.Kind.GRADIENT, 1, 1.0), new SplittableRandom(0))
                .flatten();
    }

    static UnaryOperator<float[]> clipAndNoise(double clip, double sigma, SplittableRandom rng) {
        FastGaussianSampler noise = new FastGaussianSampler(rng);
        return u -> {
            float[] c = u.clone();
            Clipping.clipInPlace(c, clip);
            noise.addTo(c, sigma * clip);
            return c;
        };
    }

    @Test
    void classPresenceLeaksWithoutDefenseNoiseAndDpLowerItButPruningDoesNot() {
        double clean = auc(UnaryOperator.identity());
        double noiseLow = auc(PropertyInferenceAttack.gaussianNoise(0.1, new SplittableRandom(9)));
        double noiseHigh = auc(PropertyInferenceAttack.gaussianNoise(0.3, new SplittableRandom(9)));
        double dp = auc(clipAndNoise(0.1, 0.1, new SplittableRandom(9)));
        double pruned = auc(pruning(0.99));
        String what = String.format(
                Locale.ROOT,
                "clean %.3f, noise std 0.1 %.3f, std 0.3 %.3f, clip 0.1 + noise " + "σ=0.1 %.3f, pruning 99%% %.3f",
                clean,
                noiseLow,
                noiseHigh,
                dp,
                pruned);
        assertTrue(clean > 0.8, "AUC without defense: " + what);
        assertTrue(noiseLow < clean - 0.1 && noiseHigh < noiseLow - 0.1, "noise should lower the AUC: " + what);
        assertTrue(dp < clean - 0.3, "clipping and noise should lower the AUC: " + what);
        assertTrue(pruned > 0.95, "pruning keeps the large entries that carry the property: " + what);
    }
}
