package org.leakbench.defense.dp;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ClientData;
import org.leakbench.update.LocalResult;
import org.leakbench.update.LocalTask;
import org.leakbench.update.LocalTraining;
import org.leakbench.update.Update;

/**
 * Local training by DP-SGD (Abadi et al. 2016) in place of plain gradients: FedSGD sends one noisy clipped
 * gradient of a batch; FedAvg runs its local epochs of DP-SGD and sends the weight difference. Batches follow
 * {@code options.sampling()}: Poisson at rate q = min(1, batch/rows) divided by q·rows, or shuffled fixed-size
 * batches divided by their size. The accountant reads the same schedules ({@link #gradientSchedule},
 * {@link #epochSchedule}), so what is accounted is what is trained.
 */
public final class DpSgdTraining implements LocalTraining {
    private final DpSgdOptions options;
    private final NormHistogram norms;

    public DpSgdTraining(DpSgdOptions options) {
        this(options, null);
    }

    /** Local DP-SGD that adds every example's unclipped gradient norm to {@code norms} (none when null). */
    public DpSgdTraining(DpSgdOptions options, NormHistogram norms) {
        if (options == null) {
            throw new IllegalArgumentException("DP-SGD options must be given");
        }
        this.options = options;
        this.norms = norms;
    }

    @Override
    public LocalResult gradient(LocalTask task, int batch, SplittableRandom rng) {
        ClientData data = task.data();
        int[] idx;
        List<Tensor> g;
        if (options.sampling() == DpSampling.SHUFFLE) {
            idx = data.sampleRows(Math.min(batch, data.size()), rng);
            g = DpSgdStep.noisyGradient(
                    task.model(),
                    task.backend(),
                    task.dtype(),
                    task.global(),
                    data.samples(),
                    data.labels(),
                    idx,
                    options,
                    rng,
                    norms);
        } else {
            DpSgdSchedule.Batches batches = gradientSchedule(data.size(), batch).batches(data.indices());
            idx = batches.next(rng);
            g = DpSgdStep.noisyGradient(
                    task.model(),
                    task.backend(),
                    task.dtype(),
                    task.global(),
                    data.samples(),
                    data.labels(),
                    idx,
                    batches.denominator(idx),
                    options,
                    NoiseSources.gaussian(options.noise(), rng),
                    norms);
        }
        return new LocalResult(Update.fromTensors(g), idx.length, Double.NaN);
    }

    @Override
    public LocalResult weightDifference(LocalTask task, int epochs, int batch, double lr, SplittableRandom rng) {
        ClientData data = task.data();
        List<Tensor> local = DpSgdStep.train(
                task.model(),
                task.backend(),
                task.dtype(),
                task.global(),
                data.samples(),
                data.labels(),
                data.indices(),
                epochs,
                batch,
                lr,
                options,
                rng,
                norms);
        int steps = (int) Math.max(1, epochSchedule(data.size(), batch, epochs).steps());
        return new LocalResult(task.weightDifference(local, steps, lr), data.size(), Double.NaN);
    }

    /** The batches of one FedSGD round of a client with {@code rows} rows: one step at the rate of {@code batch}. */
    public DpSgdSchedule gradientSchedule(int rows, int batch) {
        return new DpSgdSchedule(rows, batch, 1, options.sampling());
    }

    /** The batches of one FedAvg round: {@code epochs} epochs of {@code batch}-row batches over {@code rows} rows. */
    public DpSgdSchedule epochSchedule(int rows, int batch, int epochs) {
        return DpSgdSchedule.ofEpochs(rows, batch, epochs, options.sampling());
    }

    @Override
    public String name() {
        return "dp-sgd";
    }
}
