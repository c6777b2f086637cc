package org.leakbench.attack.inversion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackFixtures;
import org.leakbench.attack.AttackResult;
import org.leakbench.data.DataSplit;
import org.leakbench.metric.ImageMetrics;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.Activation;
import org.leakbench.model.Gradients;
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
 * FedAvg-aware inversion (Dimitrov et al. 2022) against the naive reading of a FedAvg update as one gradient
 * (Inverting Gradients on θ₀ − θ₅ divided by 5η), on the same update: a sigmoid MLP (32 hidden units),
 * Fashion-MNIST test images 7-8, five full-batch local steps of rate 1, 300 signed-Adam iterations, seed 1.
 */
class FedAvgInversionTest {
    static final int STEPS = 5;
    static final double LR = 1.0;
    private final Backend be = Backends.get("ejml");

    @Test
    void fedAvgAwareInversionBeatsTheNaiveReadingAtFiveLocalSteps() {
        DataSplit d = AttackFixtures.fashion();
        Model model = Models.build(ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.125, 1, Activation.SIGMOID));
        int[] idx = {7, 8};
        int[] labels = Sgd.pick(d.test().labels(), idx);
        float[][] images = {d.test().samples()[7], d.test().samples()[8]};
        List<Tensor> start = model.initialParameters(be, DType.F32, new SplittableRandom(1));
        Tensor x =
                Sgd.batch(be, DType.F32, d.test().samples(), idx, model.spec().inputShape());
        List<Tensor> local = start;
        for (int s = 0; s < STEPS; s++) {
            local = Sgd.step(be, local, Gradients.of(model, local, x, labels).gradient(), LR);
        }
        List<Tensor> update = new ArrayList<>();
        for (int i = 0; i < start.size(); i++) {
            update.add(be.sub(start.get(i), local.get(i)));
        }
        Observation obs = new Observation(model, start, update, Observation.Kind.WEIGHT_DIFFERENCE, 2, STEPS, LR);
        AttackResult naive = new InvertingGradientsAttack(new InvertingGradientsOptions(300, 1, 0.1, 1e-4, DType.F32))
                .run(obs, AttackContext.seeded(1));
        AttackResult aware = new FedAvgInversionAttack(300, 0.1, 1e-4, 1e-2).run(obs, AttackContext.seeded(1));
        assertArrayEquals(naive.labels(), aware.labels(), "both read the labels the same way");
        double naivePsnr = psnr(images, labels, naive);
        double awarePsnr = psnr(images, labels, aware);
        assertTrue(awarePsnr > naivePsnr + 3.0, "aware " + awarePsnr + " dB vs naive " + naivePsnr + " dB");
    }

    @Test
    void onAGradientItIsOneStep() {
        int[] idx = IntStream.range(0, 1).toArray();
        Model model = Models.build(ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.125, 1, Activation.SIGMOID));
        AttackFixtures.Victim v = AttackFixtures.victim(be, model, 1, idx);
        AttackResult r = new FedAvgInversionAttack(20, 0.1, 0, 1e-2).run(v.observation(), AttackContext.seeded(1));
        assertTrue(r.ok(), r.status());
        assertTrue(r.samples().length == 1 && r.samples()[0].length == 784);
    }

    private static double psnr(float[][] images, int[] labels, AttackResult r) {
        assertTrue(r.ok(), r.status());
        return ReconstructionScore.of(
                        images, labels, ImageMetrics.clampToUnitRange(r.samples()), r.labels(), 1, 28, 28, 1.0, 20)
                .meanPsnr();
    }
}
