package org.leakbench.attack.analytic;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackFixtures;
import org.leakbench.attack.AttackResult;
import org.leakbench.data.Dataset;
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
 * One FedSGD round of a malicious server on the bundled Fashion-MNIST subset: the victim's batch comes from the
 * training split (2,000 images, enough for a batch of 512), the server calibrates on the test split (500 images it
 * holds itself), the victim computes its gradient on what was sent, the attack reads it. Scored as the pipeline
 * scores it: a sample counts as recovered at 30 dB or more.
 */
final class MaliciousRounds {
    static final double RECOVERED_PSNR = 30.0;
    static final Backend BE = Backends.get("java");

    private MaliciousRounds() {}

    /** A ReLU MLP on 28×28 images: {@code depth} hidden layers of 256·width rows. */
    static Model reluMlp(double width, int depth) {
        return Models.build(ModelSpec.mlp(new int[] {1, 28, 28}, 10, width, depth, Activation.RELU));
    }

    /** Where the victims' batches come from. */
    static Dataset victims() {
        return AttackFixtures.fashion().train();
    }

    static int[] labels(int[] idx) {
        return Sgd.pick(victims().labels(), idx);
    }

    /** {@code batch} distinct test indices drawn with {@code seed}. */
    static int[] draw(int batch, long seed) {
        int n = victims().samples().length;
        SplittableRandom rng = new SplittableRandom(seed);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < batch; i++) {
            int k = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[k];
            all[k] = t;
        }
        return java.util.Arrays.copyOf(all, batch);
    }

    /** What the server observes when the victim trains {@code model}'s parameters {@code params} on {@code idx}. */
    static Observation observe(Model model, List<Tensor> params, int[] idx) {
        Tensor x =
                Sgd.batch(BE, DType.F32, victims().samples(), idx, model.spec().inputShape());
        int[] labels = Sgd.pick(victims().labels(), idx);
        return Observation.gradient(
                model, params, Gradients.of(model, params, x, labels).gradient(), idx.length);
    }

    /** The server sends what {@code attack} makes of {@code honest}; the observation of the victim's batch. */
    static Observation tampered(MaliciousServerAttack attack, Model honest, long seed, int[] idx) {
        List<Tensor> params = honest.initialParameters(BE, DType.F32, new SplittableRandom(seed));
        ServerModel sent = attack.modelToSend(
                honest, params, AttackFixtures.fashion().test().samples(), idx.length, new SplittableRandom(seed + 1));
        return observe(sent.model(), sent.params(), idx);
    }

    static float[][] truth(int[] idx) {
        float[][] x = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            x[i] = victims().samples()[idx[i]];
        }
        return x;
    }

    /** The pipeline's score of {@code r} against the batch {@code idx}. */
    static ReconstructionScore score(AttackResult r, int[] idx) {
        int[] labels = labels(idx);
        return ReconstructionScore.of(
                truth(idx), labels, AttackFixtures.clamp(r.samples()), null, 1, 28, 28, 1.0, RECOVERED_PSNR);
    }

    /** The best PSNR any reconstruction of {@code r} reaches against {@code target}. */
    static double bestPsnr(AttackResult r, float[] target) {
        double best = Double.NEGATIVE_INFINITY;
        for (float[] x : AttackFixtures.clamp(r.samples())) {
            best = Math.max(best, org.leakbench.metric.ImageMetrics.psnr(target, x, 1.0));
        }
        return best;
    }

    static AttackResult run(MaliciousServerAttack attack, Observation obs) {
        return attack.run(obs, AttackContext.seeded(1));
    }
}
