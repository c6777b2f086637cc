package org.leakbench.attack.inversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackFixtures;
import org.leakbench.attack.AttackResult;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.compress.GradientPruning;
import org.leakbench.defense.compress.PruningOptions;
import org.leakbench.defense.dp.AdditiveNoise;
import org.leakbench.defense.dp.AdditiveNoiseOptions;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.FastGaussianSampler;
import org.leakbench.defense.dp.GaussianMechanism;
import org.leakbench.defense.dp.RdpAccountant;
import org.leakbench.metric.ImageMetrics;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.update.Observation;
import org.leakbench.update.Update;

/**
 * The shape of the DLG paper's defense curve (Zhu et al. 2019, Sec. 5) on DLG's LeNet, batch 1, 300 L-BFGS
 * iterations. REFERENCES.md gives a PyTorch run on images 7, 25, 100: pruning 20% 44–60 dB, 70% 9–12 dB,
 * Gaussian noise of variance 1e-2 about 5 dB. Two of those images keep the test short; the full curve is
 * the {@code dlg-defenses} sweep preset.
 */
class DlgDefenseCurveTest {
    private static final int[] IMAGES = {7, 25};
    private final Backend be = Backends.get("ejml");
    private final ModelSpec lenet = ModelSpec.lenet(new int[] {1, 28, 28}, 10);

    @Test
    void pruningOneFifthStillLeaks() {
        for (int image : IMAGES) {
            double psnr = psnrAfter(image, new GradientPruning(new PruningOptions(0.2)));
            assertTrue(psnr > 30, "image " + image + ": PSNR " + psnr + " dB after pruning 20%");
        }
    }

    /**
     * Why pruning ranks the whole update: pruning each tensor separately zeroes a fifth of every bias too,
     * including the output bias, and DLG loses far more than with one global threshold (28.4 against 67.8 dB
     * measured on image 7). A PyTorch run of DLG shows the same split (about 30 against 50 dB), and only the
     * global reading matches the published 44–60 dB at 20%.
     */
    @Test
    void perTensorPruningHurtsDlgFarMoreThanAGlobalThreshold() {
        double global = psnrAfter(7, new GradientPruning(new PruningOptions(0.2)));
        double perTensor = psnrAfter(7, new GradientPruning(new PruningOptions(0.2, PruningOptions.Scope.PER_TENSOR)));
        assertTrue(perTensor < global - 20, "per-tensor " + perTensor + " dB, global " + global + " dB");
    }

    @Test
    void pruningSevenTenthsStopsTheAttack() {
        for (int image : IMAGES) {
            double psnr = psnrAfter(image, new GradientPruning(new PruningOptions(0.7)));
            assertTrue(psnr < 15, "image " + image + ": PSNR " + psnr + " dB after pruning 70%");
        }
    }

    @Test
    void gaussianNoiseOfVarianceOneHundredthStopsTheAttack() {
        for (int image : IMAGES) {
            double psnr = psnrAfter(image, noise(1e-2));
            assertTrue(psnr < 10, "image " + image + ": PSNR " + psnr + " dB after noise of variance 1e-2");
        }
    }

    /**
     * DLG against DP-SGD's Gaussian mechanism (Abadi et al. 2016) on one example: clip to C, add N(0, σ²C²).
     * C = 30 lies above the gradient norms here (26.3 and 13.7), so only the noise acts. Clipping far below
     * the norm changes the picture by itself: DLG's squared-L2 distance does not know the scale (here C = 1
     * with σ = 0 leaves under 10 dB on both images); the {@code dlg-dpsgd} preset sweeps both C.
     * ε is for one step of a client holding 200 rows (q = 1/200), δ = 1e-5, RDP with the improved conversion.
     */
    @Test
    void dlgLeakageFallsAsTheDpSgdNoiseGrowsWhileEpsilonStaysLarge() {
        double[] sigmas = {1e-4, 1e-3, 1e-2};
        double previousPsnr = Double.POSITIVE_INFINITY;
        double previousEps = Double.POSITIVE_INFINITY;
        StringBuilder curve = new StringBuilder();
        for (double sigma : sigmas) {
            double psnr = psnrAfter(7, dpSgd(30, sigma));
            double eps = RdpAccountant.epsilon(sigma, 1.0 / 200, 1, 1e-5, Conversion.IMPROVED);
            curve.append(String.format(java.util.Locale.ROOT, " σ=%g: %.1f dB, ε=%.3g;", sigma, psnr, eps));
            assertTrue(psnr < previousPsnr - 5 && eps < previousEps, "PSNR and ε should fall with σ:" + curve);
            previousPsnr = psnr;
            previousEps = eps;
        }
        assertTrue(previousPsnr < 10, "σ = 1e-2 should stop DLG:" + curve);
        assertTrue(previousEps > 100, "yet its ε is far from a meaningful guarantee:" + curve);
    }

    @Test
    void dlgReportsDivergedInsteadOfThrowingOnANonFiniteUpdate() {
        AttackFixtures.Victim v = AttackFixtures.victim(be, Models.build(lenet), 7, 7);
        Observation o = v.observation();
        Update u = Update.fromTensors(o.update());
        float[] flat = u.flatten();
        flat[0] = Float.NaN;
        Observation bad =
                Observation.gradient(o.model(), o.parameters(), u.withFlat(flat).toTensors(be, DType.F32), 1);
        AttackResult r = new DlgAttack(new DlgOptions(20, false, DType.F32)).run(bad, AttackContext.seeded(1));
        assertEquals(AttackResult.DIVERGED, r.status());
    }

    private double psnrAfter(int image, UpdateDefense defense) {
        Model model = Models.build(lenet);
        AttackFixtures.Victim v = AttackFixtures.victim(be, model, image, image);
        Observation o = v.observation();
        Update defended = defense.apply(Update.fromTensors(o.update()), new SplittableRandom(image));
        Observation seen = Observation.gradient(model, o.parameters(), defended.toTensors(be, DType.F32), 1);
        AttackResult r = new DlgAttack(DlgOptions.paper()).run(seen, AttackContext.seeded(image));
        if (!r.ok()) {
            return Double.NEGATIVE_INFINITY; // a failed attack recovers nothing
        }
        return ImageMetrics.psnr(v.images()[0], AttackFixtures.clamp(r.samples())[0], 1.0);
    }

    static UpdateDefense dpSgd(double clip, double sigma) {
        return new UpdateDefense() {
            @Override
            public Update apply(Update update, SplittableRandom rng) {
                GaussianMechanism m =
                        new GaussianMechanism(new DpSgdOptions(clip, sigma), new FastGaussianSampler(rng));
                return update.withFlat(m.aggregate(new float[][] {update.flatten()}));
            }

            @Override
            public String name() {
                return "dp-sgd-" + sigma;
            }
        };
    }

    static UpdateDefense noise(double variance) {
        AdditiveNoiseOptions o = new AdditiveNoiseOptions(AdditiveNoiseOptions.Kind.GAUSSIAN, variance);
        return new UpdateDefense() {
            @Override
            public Update apply(Update update, SplittableRandom rng) {
                return update.withFlat(new AdditiveNoise(o, rng).apply(update.flatten()));
            }

            @Override
            public String name() {
                return "noise-" + variance;
            }
        };
    }
}
