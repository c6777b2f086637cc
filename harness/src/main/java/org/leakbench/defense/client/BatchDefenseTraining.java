package org.leakbench.defense.client;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ClientData;
import org.leakbench.update.LocalResult;
import org.leakbench.update.LocalTask;
import org.leakbench.update.LocalTraining;
import org.leakbench.update.Update;

/**
 * Local training with a {@link BatchDefense} in place of the plain gradient: FedSGD sends the defended gradient of
 * one batch; FedAvg runs its epochs of minibatch SGD on defended gradients and sends the weight difference, as
 * {@link org.leakbench.update.LocalTraining} asks.
 */
public final class BatchDefenseTraining implements LocalTraining {
    private final BatchDefense defense;

    public BatchDefenseTraining(BatchDefense defense) {
        if (defense == null) {
            throw new IllegalArgumentException("batch defense must be given");
        }
        this.defense = defense;
    }

    @Override
    public LocalResult gradient(LocalTask task, int batch, SplittableRandom rng) {
        int[] idx = task.data().sampleRows(Math.min(batch, task.data().size()), rng);
        return new LocalResult(Update.fromTensors(step(task, task.global(), idx, rng)), idx.length, Double.NaN);
    }

    @Override
    public LocalResult weightDifference(LocalTask task, int epochs, int batch, double lr, SplittableRandom rng) {
        ClientData data = task.data();
        List<Tensor> local = task.global();
        int steps = 0;
        for (int e = 0; e < epochs; e++) {
            int[] order = data.sampleRows(data.size(), rng); // a fresh shuffle of all rows
            for (int start = 0; start < order.length; start += batch) {
                int[] idx = Arrays.copyOfRange(order, start, Math.min(order.length, start + batch));
                local = Sgd.step(task.backend(), local, step(task, local, idx, rng), lr);
                steps++;
            }
        }
        return new LocalResult(task.weightDifference(local, steps, lr), data.size(), Double.NaN);
    }

    private List<Tensor> step(LocalTask task, List<Tensor> params, int[] idx, SplittableRandom rng) {
        ClientData data = task.data();
        Tensor x = Sgd.batch(
                task.backend(),
                task.dtype(),
                data.samples(),
                idx,
                task.model().spec().inputShape());
        return defense.gradient(task.model(), params, x, Sgd.pick(data.labels(), idx), rng.split());
    }

    @Override
    public String name() {
        return defense.name();
    }
}
