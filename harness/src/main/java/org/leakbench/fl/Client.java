package org.leakbench.fl;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ClientData;
import org.leakbench.update.LocalResult;
import org.leakbench.update.LocalTask;
import org.leakbench.update.LocalTraining;

/**
 * A client: computes its update from the global parameters it receives, with the local training it was
 * given (plain SGD, DP-SGD, ...). Stateless between rounds (state such as error-feedback residuals belongs to
 * the defense instance of this client).
 */
public final class Client {
    private final ClientData data;
    private final Backend backend;
    private final DType dtype;
    private final LocalTraining training;

    public Client(ClientData data, Backend backend, DType dtype, LocalTraining training) {
        if (data == null || backend == null || dtype == null || training == null) {
            throw new IllegalArgumentException("client: data, backend, dtype and local training must be given");
        }
        this.data = data;
        this.backend = backend;
        this.dtype = dtype;
        this.training = training;
    }

    /** A client training by plain SGD. */
    public Client(ClientData data, Backend backend, DType dtype) {
        this(data, backend, dtype, new SgdTraining());
    }

    public int id() {
        return data.clientId();
    }

    public ClientData data() {
        return data;
    }

    public LocalTraining training() {
        return training;
    }

    /** The update for {@code options.algorithm()}. */
    public LocalResult computeUpdate(Model model, List<Tensor> global, FlOptions options, SplittableRandom rng) {
        return computeUpdate(model, global, List.of(), options, rng);
    }

    /**
     * The update for {@code options.algorithm()}, carrying the BatchNorm running statistics {@code buffers} the
     * server sent through the local training (returned in {@link LocalResult#buffers()}); empty carries none.
     */
    public LocalResult computeUpdate(
            Model model, List<Tensor> global, List<Tensor> buffers, FlOptions options, SplittableRandom rng) {
        LocalTask task = new LocalTask(model, global, data, backend, dtype, buffers);
        return switch (options.algorithm()) {
            case FEDSGD -> training.gradient(task, options.localBatch(), rng);
            case FEDAVG ->
                training.weightDifference(task, options.localEpochs(), options.localBatch(), options.lr(), rng);
        };
    }
}
