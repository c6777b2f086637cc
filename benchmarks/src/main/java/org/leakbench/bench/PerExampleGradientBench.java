package org.leakbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.BoxMullerSampler;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdStep;
import org.leakbench.defense.dp.GaussianMechanism;
import org.leakbench.model.Gradients;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * A DP-SGD step against a plain SGD step on the same batch. {@code dpSgdStep} is what the federated clients and
 * the victim's DP-SGD update run ({@link DpSgdStep}: per-example norms and the clipped sum from one backward
 * pass for dense networks, then N(0, σ²C²) noise and the division by the batch size), then applies the step;
 * {@code dpSgdStepBatchesOfOne} gets the per-example gradients from one backward pass each, the reference it
 * replaces; the plain step gathers the same rows into a batch, as {@link Sgd#train} does, takes one batched
 * gradient and applies it.
 */
public class PerExampleGradientBench extends SampledBenchmark {
    static final double CLIP = 1.0;
    static final double NOISE_MULTIPLIER = 1.0;
    static final double LEARNING_RATE = 0.1;

    @Param({"java", "nd4j"})
    public String backend;

    @Param({"mlp256x2"})
    public String model;

    @Param({"1", "8", "32", "128"})
    public int batch;

    private Workload w;
    private GaussianMechanism mechanism;
    private List<int[]> shapes;
    private DpSgdOptions options;
    private SplittableRandom noise;
    private int[] rows;

    @Setup
    public void setup() {
        w = Workload.of(backend, model, batch);
        mechanism = new GaussianMechanism(new DpSgdOptions(CLIP, NOISE_MULTIPLIER), new BoxMullerSampler(11));
        shapes = new ArrayList<>();
        for (Tensor t : w.params) {
            shapes.add(t.shape());
        }
        options = new DpSgdOptions(CLIP, NOISE_MULTIPLIER);
        noise = new SplittableRandom(12);
        rows = new int[batch];
        for (int i = 0; i < batch; i++) {
            rows[i] = i;
        }
    }

    @Benchmark
    public List<Tensor> dpSgdStep() {
        List<Tensor> grad = DpSgdStep.noisyGradient(
                w.model, w.backend, DType.F32, w.params, w.samples, w.labels, rows, options, noise);
        return Sgd.step(w.backend, w.params, grad, LEARNING_RATE);
    }

    @Benchmark
    public List<Tensor> dpSgdStepBatchesOfOne() {
        float[][] perExample =
                DpSgdStep.perExampleGradients(w.model, w.backend, DType.F32, w.params, w.samples, w.labels, rows);
        float[] noisy = mechanism.aggregate(perExample);
        List<Tensor> grad =
                Update.fromFlat(noisy, shapes, Update.Kind.GRADIENT, 1, 1.0).toTensors(w.backend, DType.F32);
        return Sgd.step(w.backend, w.params, grad, LEARNING_RATE);
    }

    /** As {@link Sgd#train} steps: the batch gathered from the rows, as the DP-SGD step gathers it too. */
    @Benchmark
    public List<Tensor> plainStep() {
        Tensor x =
                Sgd.batch(w.backend, DType.F32, w.samples, rows, w.model.spec().inputShape());
        List<Tensor> grad =
                Gradients.of(w.model, w.params, x, Sgd.pick(w.labels, rows)).gradient();
        return Sgd.step(w.backend, w.params, grad, LEARNING_RATE);
    }
}
