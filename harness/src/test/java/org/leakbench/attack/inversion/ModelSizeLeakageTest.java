package org.leakbench.attack.inversion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackFixtures;
import org.leakbench.attack.AttackResult;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;

/**
 * Leakage versus model size. A gradient holds one equation per parameter, so a wider model constrains the
 * unknown batch more tightly; on DLG's LeNet (batch 2, 300 L-BFGS iterations) the trend holds: width
 * multipliers 0.5, 1 and 2 (4,918, 13,426 and 41,242 parameters) give 12.0, 23.1 and 40.4 dB on test images
 * 7-8 and 8.5, 17.5 and 33.4 dB on 25-26. For sigmoid MLPs there is no clean trend: at batch 1 DLG
 * recovers every size (over 57 dB), and at batches 2 and 4 it succeeds or fails (13 to 75 dB) in no order
 * of width or depth (the {@code model-size} preset).
 */
class ModelSizeLeakageTest {
    private final Backend be = Backends.get("ejml");

    private double dlgPsnr(ModelSpec spec, int first, int batch) {
        Model model = Models.build(spec);
        int[] idx = new int[batch];
        for (int i = 0; i < batch; i++) {
            idx[i] = first + i;
        }
        AttackFixtures.Victim v = AttackFixtures.victim(be, model, first, idx);
        AttackResult r = new DlgAttack(DlgOptions.paper()).run(v.observation(), AttackContext.seeded(first));
        if (!r.ok()) {
            return Double.NEGATIVE_INFINITY;
        }
        return ReconstructionScore.of(
                        v.images(), v.labels(), AttackFixtures.clamp(r.samples()), r.labels(), 1, 28, 28, 1.0, 20)
                .meanPsnr();
    }

    private static ModelSpec lenet(double width) {
        return new ModelSpec(ModelSpec.LENET, new int[] {1, 28, 28}, 10, width, 3, Activation.SIGMOID);
    }

    @Test
    void widerLeNetLeaksABatchOfTwoMoreThanANarrowOne() {
        double narrow = dlgPsnr(lenet(0.5), 7, 2);
        double wide = dlgPsnr(lenet(2.0), 7, 2);
        assertTrue(wide > narrow + 10, "LeNet width 2: " + wide + " dB, width 0.5: " + narrow + " dB");
        assertTrue(wide > 30, "LeNet width 2 should reconstruct the batch of two: " + wide + " dB");
    }

    @Test
    void everyMlpWidthLeaksASingleImage() {
        for (double width : new double[] {0.125, 2.0}) {
            double psnr = dlgPsnr(ModelSpec.mlp(new int[] {1, 28, 28}, 10, width, 1, Activation.SIGMOID), 7, 1);
            assertTrue(psnr > 40, "MLP width " + width + ": " + psnr + " dB");
        }
    }
}
