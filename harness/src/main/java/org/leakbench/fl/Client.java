package org.leakbench.fl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.DpSampling;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdSchedule;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.defense.dp.DpSgdStep;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A client: computes its update from the global parameters it receives. Stateless between rounds (state
 * such as error-feedback residuals belongs to the defense instance of this client).
 */
public final class Client {
    private final ClientData data;
    private final Backend backend;
    private final DType dtype;

    public Client(ClientData data, Backend backend, DType dtype) {
        this.data = data;
        this.backend = backend;
        this.dtype = dtype;
    }

    public int id() {
        return data.clientId();
    }

    public ClientData data() {
        return data;
    }

    /** The update for {@code options.algorithm()}. */
    public LocalResult computeUpdate(Model model, List<Tensor> global, FlOptions options, SplittableRandom rng) {
        return switch (options.algorithm()) {
            case FEDSGD -> fedSgd(model, global, options.localBatch(), rng);
            case FEDAVG -> fedAvg(model, global, options.localEpochs(), options.localBatch(), options.lr(), rng);
        };
    }

    /** One gradient at {@code global} on a batch of min(batch, rows) rows drawn without replacement. */
    public LocalResult fedSgd(Model model, List<Tensor> global, int batch, SplittableRandom rng) {
        int[] idx = sampleBatch(Math.min(batch, data.size()), rng);
        Tensor x = Sgd.batch(backend, dtype, data.samples(), idx, model.spec().inputShape());
        Gradients.LossAndGradient lg = Gradients.of(model, global, x, Sgd.pick(data.labels(), idx));
        return new LocalResult(Update.fromTensors(lg.gradient()), idx.length, lg.loss());
    }

    /**
     * {@code epochs} passes of minibatch SGD from {@code global}; the update is θ_global − θ_local with the
     * number of steps (epochs · ⌈rows / batch⌉) and the learning rate recorded.
     */
    public LocalResult fedAvg(Model model, List<Tensor> global, int epochs, int batch, double lr,
                              SplittableRandom rng) {
        List<Tensor> local = Sgd.train(model, backend, dtype, global, data.samples(), data.labels(), data.indices(),
                epochs, batch, lr, rng);
        List<Tensor> diff = new ArrayList<>(global.size());
        for (int i = 0; i < global.size(); i++) {
            diff.add(backend.sub(global.get(i), local.get(i)));
        }
        int steps = epochs * ((data.size() + batch - 1) / batch);
        return new LocalResult(Update.fromTensors(diff, Update.Kind.WEIGHT_DIFFERENCE, steps, lr), data.size(),
                Double.NaN);
    }

    /**
     * The update with DP-SGD in place of plain gradients (Abadi et al. 2016): FedSGD sends one noisy clipped
     * gradient of a batch; FedAvg runs its local epochs of DP-SGD and sends the weight difference. Batches follow
     * {@code dp.sampling()}: Poisson at rate q = min(1, batch/rows) divided by q·rows, or shuffled fixed-size
     * batches divided by their size ({@link #privateSchedule}).
     */
    public LocalResult computePrivateUpdate(Model model, List<Tensor> global, FlOptions options, DpSgdOptions dp,
                                            SplittableRandom rng) {
        if (options.algorithm() == Algorithm.FEDSGD) {
            List<Tensor> g;
            int examples;
            if (dp.sampling() == DpSampling.SHUFFLE) {
                int[] idx = sampleBatch(Math.min(options.localBatch(), data.size()), rng);
                g = DpSgdStep.noisyGradient(model, backend, dtype, global, data.samples(), data.labels(), idx, dp,
                        rng);
                examples = idx.length;
            } else {
                DpSgdSchedule.Batches batches = privateSchedule(data.size(), options, dp).batches(data.indices());
                int[] idx = batches.next(rng);
                g = DpSgdStep.noisyGradient(model, backend, dtype, global, data.samples(), data.labels(), idx,
                        batches.denominator(idx), dp, NoiseSources.gaussian(dp.noise(), rng));
                examples = idx.length;
            }
            return new LocalResult(Update.fromTensors(g), examples, Double.NaN);
        }
        List<Tensor> local = DpSgdStep.train(model, backend, dtype, global, data.samples(), data.labels(),
                data.indices(), options.localEpochs(), options.localBatch(), options.lr(), dp, rng);
        List<Tensor> diff = new ArrayList<>(global.size());
        for (int i = 0; i < global.size(); i++) {
            diff.add(backend.sub(global.get(i), local.get(i)));
        }
        int steps = (int) Math.max(1, privateSchedule(data.size(), options, dp).steps());
        return new LocalResult(Update.fromTensors(diff, Update.Kind.WEIGHT_DIFFERENCE, steps, options.lr()),
                data.size(), Double.NaN);
    }

    /**
     * The DP-SGD batches in one round of a client with {@code rows} rows: FedSGD takes one step (at the rate of a batch of
     * {@code localBatch} among its rows), FedAvg {@code localEpochs} epochs. The accountant reads the same
     * schedule: q = min(1, localBatch / rows) and steps per round.
     */
    public static DpSgdSchedule privateSchedule(int rows, FlOptions options, DpSgdOptions dp) {
        if (options.algorithm() == Algorithm.FEDSGD) {
            return new DpSgdSchedule(rows, options.localBatch(), 1, dp.sampling());
        }
        return DpSgdSchedule.ofEpochs(rows, options.localBatch(), options.localEpochs(), dp.sampling());
    }

    /** k distinct rows of this client, by a partial Fisher–Yates shuffle, in drawn order. */
    private int[] sampleBatch(int k, SplittableRandom rng) {
        int[] pool = data.indices().clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return Arrays.copyOf(pool, k);
    }
}
