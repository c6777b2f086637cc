package org.leakbench.bench;

import java.util.List;
import org.leakbench.model.Gradients;
import org.leakbench.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One parameter gradient (forward and backward of the mean cross-entropy) on a labelled batch: what a FedSGD
 * client computes per round and what every attack needs once. Same models and batches as the PyTorch
 * reference's {@code grad} rows.
 */
public class GradientBench extends SampledBenchmark {
    @Param({"java", "nd4j"})
    public String backend;

    @Param({"lenet", "mlp256x2", "mlp1024x2", "resnet20", "resnet20w4", "transformer"})
    public String model;

    @Param({"1", "8", "32"})
    public int batch;

    private Workload w;

    @Setup
    public void setup() {
        w = Workload.of(backend, model, batch);
    }

    @Benchmark
    public List<Tensor> grad() {
        return Gradients.of(w.model, w.params, w.x, w.labels).gradient();
    }
}
