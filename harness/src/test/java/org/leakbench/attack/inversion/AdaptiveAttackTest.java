package org.leakbench.attack.inversion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackFixtures;
import org.leakbench.attack.AttackResult;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.client.Augmentation;
import org.leakbench.defense.client.AugmentationPolicy;
import org.leakbench.defense.client.BatchDefense;
import org.leakbench.defense.client.InstaHide;
import org.leakbench.defense.client.Soteria;
import org.leakbench.metric.ImageMetrics;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * The adaptive attacks of Balunović et al. (Bayesian Framework for Gradient Leakage, ICLR 2022) against Soteria and
 * ATS on a small instance: DLG's LeNet (sigmoid) on 9×9 Fashion-MNIST test images ({@link GradInversionTest#small}),
 * Inverting Gradients with few iterations, seed 1.
 */
class AdaptiveAttackTest {
    private static final int SIDE = GradInversionTest.SIDE;
    private final Backend be = Backends.get("ejml");

    record Case(float[][] images, int[] labels, Observation observation) {}

    private Case victim(Model model, BatchDefense defense, int first, int batch) {
        DataSplit d = AttackFixtures.fashion();
        int[] idx = IntStream.range(first, first + batch).toArray();
        float[][] images = GradInversionTest.small(d, idx);
        int[] labels = Sgd.pick(d.test().labels(), idx);
        List<Tensor> params = model.initialParameters(be, DType.F32, new SplittableRandom(1));
        Tensor x = Sgd.batch(
                be,
                DType.F32,
                images,
                IntStream.range(0, batch).toArray(),
                model.spec().inputShape());
        List<Tensor> g = defense.gradient(model, params, x, labels, new SplittableRandom(2));
        return new Case(images, labels, Observation.gradient(model, params, g, batch));
    }

    static Model lenet() {
        return Models.build(new ModelSpec(ModelSpec.LENET, new int[] {1, SIDE, SIDE}, 10, 1, 3, Activation.SIGMOID));
    }

    private static double psnr(Case c, AttackResult r) {
        assertTrue(r.ok(), r.status());
        return ReconstructionScore.of(
                        c.images(),
                        c.labels(),
                        ImageMetrics.clampToUnitRange(r.samples()),
                        r.labels(),
                        1,
                        SIDE,
                        SIDE,
                        1.0,
                        20)
                .meanPsnr();
    }

    private double ig(Case c, Adaptation adaptation, int iterations) {
        InvertingGradientsOptions o = new InvertingGradientsOptions(iterations, 1, 0.1, 1e-4, DType.F32);
        return psnr(c, new InvertingGradientsAttack(o, adaptation).run(c.observation(), AttackContext.seeded(1)));
    }

    @Test
    void soteriaStopsNaiveInvertingGradientsAndTheAdaptiveAttackUndoesIt() {
        Model m = lenet();
        BatchDefense soteria = new Soteria(0.6);
        Case plain = victim(m, new Soteria(0), 0, 1);
        Case defended = victim(m, soteria, 0, 1);
        double undefended = ig(plain, Adaptation.NONE, 500);
        double naive = ig(defended, Adaptation.NONE, 500);
        double adaptive = ig(defended, Adaptation.forDefense(soteria), 500);
        // measured 55.1 dB undefended, 6.7 dB naive against Soteria, 62.7 dB adaptive
        assertTrue(undefended > 40, "undefended " + undefended);
        assertTrue(naive < undefended - 30, "naive " + naive + " vs undefended " + undefended);
        assertTrue(adaptive > undefended - 5, "adaptive " + adaptive + " vs undefended " + undefended);
    }

    @Test
    void theAdaptiveAttackInvertsThroughAKnownAugmentationPolicy() {
        Model m = lenet();
        // measured naive / adaptive: 10.7 / 23.0 dB with flip, shift by 1 and contrast 0.5; 11.5 / 17.3 dB with a
        // 30° rotation instead of the flip (on 9×9 images the rotation pushes the corners out and blurs)
        Map<String, Double> gain = Map.of("hflip,shift,contrast", 8.0, "rotate,shift,contrast", 4.0);
        for (Map.Entry<String, Double> e : gain.entrySet()) {
            BatchDefense ats = new Augmentation(AugmentationPolicy.parse(e.getKey(), 30, 1, 0.5));
            Case c = victim(m, ats, 0, 1);
            double naive = ig(c, Adaptation.NONE, 500);
            double adaptive = ig(c, Adaptation.forDefense(ats), 500);
            assertTrue(adaptive > naive + e.getValue(), e.getKey() + ": adaptive " + adaptive + " vs naive " + naive);
        }
    }

    @Test
    void takingAbsoluteValuesUndoesInstaHidesSignFlips() {
        Model m = lenet();
        BatchDefense instaHide = new InstaHide(2); // at batch 1 the image is mixed with itself: signs only
        Case c = victim(m, instaHide, 0, 1);
        DlgOptions o = new DlgOptions(300, true, DType.F32);
        double naive = psnr(c, new DlgAttack(o).run(c.observation(), AttackContext.seeded(1)));
        double adaptive = psnr(
                c, new DlgAttack(o, Adaptation.forDefense(instaHide)).run(c.observation(), AttackContext.seeded(1)));
        // measured 13.1 dB naive (the negative pixels clamp to 0), 100 dB (exact) adaptive
        assertTrue(adaptive > naive + 10, "adaptive " + adaptive + " vs naive " + naive);
    }
}
