package org.leakbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.leakbench.model.Gradients;
import org.leakbench.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One parameter gradient (forward and backward of the mean cross-entropy) on a labelled batch: what a FedSGD
 * client computes per round and what every attack needs once. Same models and batches as the PyTorch
 * reference's {@code grad} rows.
 *
 * <p>Sample mode times every operation; the comparison table quotes the median, which a busy machine's
 * stalls barely move and which is what the PyTorch reference reports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GradientBench {
    @Param({"java", "nd4j"})
    public String backend;

    @Param({"lenet", "mlp256x2", "mlp1024x2"})
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
