package org.leakbench.fl;

import java.util.SplittableRandom;
import org.leakbench.model.BatchNormLayer;
import org.leakbench.model.ForwardState;
import org.leakbench.model.Gradients;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.LocalResult;
import org.leakbench.update.LocalTask;
import org.leakbench.update.LocalTraining;
import org.leakbench.update.Update;

/**
 * Plain local training (McMahan et al. 2017): FedSGD sends the loss gradient of a batch drawn without
 * replacement, FedAvg runs minibatch SGD epochs and sends the weight difference. The default of every client.
 * When the task carries BatchNorm running statistics, every forward pass updates them (momentum 0.1, as PyTorch)
 * and the client returns them with its update.
 */
public final class SgdTraining implements LocalTraining {
    @Override
    public LocalResult gradient(LocalTask task, int batch, SplittableRandom rng) {
        int[] idx = task.data().sampleRows(Math.min(batch, task.data().size()), rng);
        Tensor x = Sgd.batch(
                task.backend(),
                task.dtype(),
                task.data().samples(),
                idx,
                task.model().spec().inputShape());
        if (task.globalBuffers().isEmpty()) {
            Gradients.LossAndGradient lg = Gradients.of(
                    task.model(), task.global(), x, Sgd.pick(task.data().labels(), idx));
            return new LocalResult(Update.fromTensors(lg.gradient()), idx.length, lg.loss());
        }
        ForwardState state = ForwardState.tracking(task.globalBuffers(), BatchNormLayer.MOMENTUM);
        Gradients.LossAndGradient lg = Gradients.of(
                task.model(), task.global(), x, Sgd.pick(task.data().labels(), idx), state);
        return new LocalResult(Update.fromTensors(lg.gradient()), idx.length, lg.loss(), state.buffers());
    }

    /** The update records epochs · ⌈rows / batch⌉ steps of rate {@code lr}. */
    @Override
    public LocalResult weightDifference(LocalTask task, int epochs, int batch, double lr, SplittableRandom rng) {
        Sgd.Trained local = Sgd.trainTracking(
                task.model(),
                task.backend(),
                task.dtype(),
                task.global(),
                task.globalBuffers(),
                task.data().samples(),
                task.data().labels(),
                task.data().indices(),
                epochs,
                batch,
                lr,
                rng);
        int steps = epochs * ((task.data().size() + batch - 1) / batch);
        return new LocalResult(
                task.weightDifference(local.params(), steps, lr), task.data().size(), Double.NaN, local.buffers());
    }

    @Override
    public String name() {
        return "sgd";
    }
}
