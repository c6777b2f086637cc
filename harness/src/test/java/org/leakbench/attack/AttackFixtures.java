package org.leakbench.attack;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Datasets;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/** A victim batch from the bundled Fashion-MNIST subset and the gradient a server would see. */
public final class AttackFixtures {
    private static DataSplit data;

    private AttackFixtures() {}

    public static synchronized DataSplit fashion() {
        if (data == null) {
            data = Datasets.load(Datasets.FASHION_MNIST_SUBSET, null);
        }
        return data;
    }

    /** The truth and the observation of one FedSGD step on test images {@code indices}. */
    public record Victim(float[][] images, int[] labels, Observation observation) {}

    public static Victim victim(Backend be, Model model, long seed, int... indices) {
        DataSplit d = fashion();
        List<Tensor> params = model.initialParameters(be, DType.F32, new SplittableRandom(seed));
        float[][] images = new float[indices.length][];
        int[] labels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            images[i] = d.test().samples()[indices[i]];
            labels[i] = d.test().labels()[indices[i]];
        }
        Tensor x = Sgd.batch(
                be, DType.F32, d.test().samples(), indices, model.spec().inputShape());
        List<Tensor> g = Gradients.of(model, params, x, labels).gradient();
        return new Victim(images, labels, Observation.gradient(model, params, g, indices.length));
    }

    /** Clamps reconstructions to the valid pixel range before scoring. */
    public static float[][] clamp(float[][] x) {
        return org.leakbench.metric.ImageMetrics.clampToUnitRange(x);
    }
}
