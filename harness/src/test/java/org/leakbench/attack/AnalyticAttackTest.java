package org.leakbench.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.analytic.AnalyticAttack;
import org.leakbench.attack.analytic.ImprintedModel;
import org.leakbench.attack.analytic.RobbingTheFedAttack;
import org.leakbench.data.DataSplit;
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

class AnalyticAttackTest {
    private final Backend be = Backends.get("ejml");

    @Test
    void biasRatioIsExactForOneSample() {
        ModelSpec mlp = ModelSpec.mlp(new int[] {1, 28, 28}, 10, 1.0, 2, Activation.SIGMOID);
        for (int idx : new int[] {7, 25, 100}) {
            AttackFixtures.Victim v = AttackFixtures.victim(be, Models.build(mlp), idx, idx);
            AttackResult r = new AnalyticAttack().run(v.observation(), AttackContext.seeded(1));
            assertEquals(AttackResult.OK, r.status());
            double psnr = org.leakbench.metric.ImageMetrics.psnr(v.images()[0], r.samples()[0], 1.0);
            assertTrue(psnr > 60, "analytic PSNR " + psnr + " for image " + idx);
            assertEquals(v.labels()[0], r.labels()[0]);
        }
    }

    @Test
    void analyticRecoveryRefusesAConvolutionalFirstLayer() {
        AttackFixtures.Victim v =
                AttackFixtures.victim(be, Models.build(ModelSpec.lenet(new int[] {1, 28, 28}, 10)), 1, 0);
        AttackResult r = new AnalyticAttack().run(v.observation(), AttackContext.seeded(1));
        assertTrue(r.status().startsWith("failed: analytic recovery needs"), r.status());
    }

    @Test
    void robbingTheFedRecoversMostOfABatchOf64() {
        DataSplit d = AttackFixtures.fashion();
        Model honest = Models.build(ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.5, 1, Activation.RELU));
        List<Tensor> honestParams = honest.initialParameters(be, DType.F32, new SplittableRandom(1));
        int bins = 256;
        ImprintedModel malicious = new ImprintedModel(honest, bins);
        // The server's brightness prior comes from data it holds (the training split), not the victim's.
        double[] thresholds =
                RobbingTheFedAttack.thresholdsFromPublicData(d.train().samples(), bins);
        List<Tensor> sent = malicious.parameters(honestParams, thresholds, new SplittableRandom(2));
        int[] idx = new int[64];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i * 7;
        }
        Tensor x = Sgd.batch(
                be, DType.F32, d.test().samples(), idx, malicious.spec().inputShape());
        int[] labels = Sgd.pick(d.test().labels(), idx);
        List<Tensor> g = Gradients.of(malicious, sent, x, labels).gradient();
        AttackResult r =
                new RobbingTheFedAttack().run(Observation.gradient(malicious, sent, g, 64), AttackContext.seeded(1));
        assertEquals(AttackResult.OK, r.status());
        float[][] truth = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            truth[i] = d.test().samples()[idx[i]];
        }
        ReconstructionScore s =
                ReconstructionScore.of(truth, labels, AttackFixtures.clamp(r.samples()), null, 1, 28, 28, 1.0, 40.0);
        assertTrue(s.recoveredFraction() >= 0.5, "recovered above 40 dB: " + s.recoveredFraction());
    }
}
