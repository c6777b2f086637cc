package org.leakbench.experiment;

import org.leakbench.data.DataSplit;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.fl.Algorithm;
import org.leakbench.fl.FederatedTraining;
import org.leakbench.fl.FlData;
import org.leakbench.fl.FlOptions;
import org.leakbench.fl.HonestButCuriousServer;
import org.leakbench.fl.TrainingHistory;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;

/**
 * FederatedAveraging (McMahan et al. 2017) of a one-hidden-layer ReLU MLP over IID clients that all take part in
 * every round, without a defense: a quick check that the simulation learns, and of its time and traffic per round.
 */
public final class FedAvgExperiment {
    /**
     * @param clients     clients, each holding an equal IID share of the training rows
     * @param rounds      communication rounds
     * @param localEpochs passes over its rows a client makes per round
     * @param localBatch  local minibatch size
     * @param lr          local learning rate
     * @param hidden      hidden units of the MLP
     */
    public record Options(int clients, int rounds, int localEpochs, int localBatch, double lr, int hidden) {
        public Options {
            if (hidden < 1) {
                throw new IllegalArgumentException("fedavg: hidden units must be >= 1, got " + hidden);
            }
        }
    }

    private final DataSplit data;
    private final Backend backend;
    private final Options options;

    public FedAvgExperiment(DataSplit data, Backend backend, Options options) {
        this.data = data;
        this.backend = backend;
        this.options = options;
    }

    /** The model trained: the MLP on the data set's sample shape. */
    public Model model() {
        // ModelSpec.mlp scales a base width of 256 hidden units.
        return Models.build(ModelSpec.mlp(
                data.train().sampleShape(), data.train().numClasses(), options.hidden() / 256.0, 1, Activation.RELU));
    }

    /** The training's FL options: every client in every round. */
    public FlOptions flOptions() {
        return FlOptions.of(
                Algorithm.FEDAVG,
                options.clients(),
                options.clients(),
                options.rounds(),
                options.localEpochs(),
                options.localBatch(),
                options.lr());
    }

    /** Trains with {@code seed} for the partition and the training streams; the test accuracy is per round. */
    public TrainingHistory run(long seed) {
        if (options.clients() > data.train().size()) {
            throw new IllegalArgumentException("fedavg: " + options.clients() + " clients but only "
                    + data.train().size() + " training rows in " + data.train().name());
        }
        FlData fl = new FlData(
                data.train().samples(),
                data.train().labels(),
                FlData.iidPartition(data.train().size(), options.clients(), seed),
                data.test().samples(),
                data.test().labels());
        FederatedTraining training =
                new FederatedTraining(model(), backend, DType.F32, flOptions(), fl, UpdateDefense.none());
        return training.run(seed, new HonestButCuriousServer(), r -> {});
    }
}
