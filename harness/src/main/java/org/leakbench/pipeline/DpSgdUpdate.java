package org.leakbench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.FastGaussianSampler;
import org.leakbench.defense.dp.GaussianMechanism;
import org.leakbench.fl.Update;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The victim's DP-SGD update (Abadi et al. 2016): each example's gradient clipped to norm C, summed,
 * Gaussian noise N(0, σ²C²) added, divided by the batch size.
 */
final class DpSgdUpdate {
    private DpSgdUpdate() {
    }

    static List<Tensor> of(Model model, List<Tensor> params, VictimCase c, Backend be, double clip, double sigma,
                           SplittableRandom rng) {
        int n = c.images().length;
        float[][] perExample = new float[n][];
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : params) {
            shapes.add(t.shape());
        }
        for (int i = 0; i < n; i++) {
            Tensor x = Sgd.batch(be, DType.F32, c.images(), new int[] {i}, model.spec().inputShape());
            List<Tensor> g = Gradients.of(model, params, x, new int[] {c.labels()[i]}).gradient();
            perExample[i] = Update.fromTensors(g).flatten();
        }
        float[] noisy = new GaussianMechanism(new DpSgdOptions(clip, sigma), new FastGaussianSampler(rng))
                .aggregate(perExample);
        return Update.fromFlat(noisy, shapes, Update.Kind.GRADIENT, 1, 1.0).toTensors(be, DType.F32);
    }
}
