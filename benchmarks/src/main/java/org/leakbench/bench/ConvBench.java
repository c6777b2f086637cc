package org.leakbench.bench;

import java.util.SplittableRandom;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The three linear maps of one convolution of DLG's LeNet on 28×28 inputs (5×5 filters, 12 channels,
 * padding 2; conv1 takes one channel at stride 2, conv2 twelve at stride 2, conv3 twelve at stride 1),
 * float32: the forward map, its input adjoint and its filter adjoint, which together take most of a LeNet
 * gradient. Each does the same multiply-adds ({@link #flop}), so their times show which map is least
 * efficient on a backend.
 */
public class ConvBench extends SampledBenchmark {
    @Param({"java", "nd4j"})
    public String backend;

    /** A name, not a number: the three layers are three shapes, not points on a scale. */
    @Param({"conv1", "conv2", "conv3"})
    public String layer;

    @Param({"1", "32"})
    public int batch;

    private Backend be;
    private Tensor x;
    private Tensor w;
    private Tensor g;
    private Conv2dSpec spec;

    /** Input shape [c, h, w] and stride of LeNet-28's layer conv1, conv2 or conv3. */
    static int[] geometry(String layer) {
        return switch (layer) {
            case "conv1" -> new int[] {1, 28, 28, 2};
            case "conv2" -> new int[] {12, 14, 14, 2};
            case "conv3" -> new int[] {12, 7, 7, 1};
            default ->
                throw new IllegalArgumentException(
                        "LeNet-28 has convolution layers conv1, conv2 and conv3, not '" + layer + "'");
        };
    }

    @Setup
    public void setup() {
        be = Workload.backend(backend);
        int[] geo = geometry(layer);
        spec = new Conv2dSpec(geo[3], 2);
        int[] xs = {batch, geo[0], geo[1], geo[2]};
        int[] ws = {12, geo[0], 5, 5};
        SplittableRandom rng = new SplittableRandom(layer.hashCode() * 100L + batch);
        x = Workload.uniform(be, rng, xs);
        w = Workload.uniform(be, rng, ws);
        g = Workload.uniform(be, rng, spec.outputShape(xs, ws));
    }

    @Benchmark
    public Tensor forward() {
        return be.conv2d(x, w, spec);
    }

    @Benchmark
    public Tensor inputAdjoint() {
        return be.conv2dInputAdjoint(g, w, x.shape(), spec);
    }

    @Benchmark
    public Tensor filterAdjoint() {
        return be.conv2dFilterAdjoint(x, g, w.shape(), spec);
    }

    /** Floating-point operations of any of the three maps of {@code layer} at {@code batch}. */
    public static double flop(String layer, int batch) {
        int[] geo = geometry(layer);
        int out = Shape.convOut(geo[1], 5, geo[3], 2);
        return 2.0 * batch * 12 * geo[0] * 25 * out * out;
    }
}
