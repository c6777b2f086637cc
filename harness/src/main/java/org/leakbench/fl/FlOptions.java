package org.leakbench.fl;

/**
 * Options of a federated training run.
 *
 * @param algorithm       fedsgd or fedavg
 * @param clients         number of clients N (the partition must have this many index lists)
 * @param clientsPerRound clients sampled without replacement in each round, in [1, N]
 * @param rounds          communication rounds, >= 1
 * @param localEpochs     FedAvg: passes over the client's rows per round (ignored by FedSGD), >= 1
 * @param localBatch      FedSGD: the batch of the one gradient; FedAvg: the local minibatch size; >= 1
 * @param lr              client learning rate; FedSGD uses it for the server step
 * @param serverLr        multiplies the aggregated step: FedSGD θ ← θ − serverLr·lr·mean gradient,
 *                        FedAvg θ ← θ − serverLr·mean update (1 gives the textbook algorithms)
 * @param threads         worker threads for the clients of a round; 0 = all available processors. The
 *                        result does not depend on it.
 */
public record FlOptions(
        Algorithm algorithm,
        int clients,
        int clientsPerRound,
        int rounds,
        int localEpochs,
        int localBatch,
        double lr,
        double serverLr,
        int threads) {
    public FlOptions {
        if (algorithm == null) {
            throw new IllegalArgumentException("fl.algorithm must be given (fedsgd or fedavg)");
        }
        if (clients < 1 || clients > 1_000_000) {
            throw new IllegalArgumentException("fl.clients must be in [1, 1000000], got " + clients);
        }
        if (clientsPerRound < 1 || clientsPerRound > clients) {
            throw new IllegalArgumentException(
                    "fl.clientsPerRound must be in [1, clients=" + clients + "], got " + clientsPerRound);
        }
        if (rounds < 1 || rounds > 1_000_000) {
            throw new IllegalArgumentException("fl.rounds must be in [1, 1000000], got " + rounds);
        }
        if (localEpochs < 1 || localEpochs > 10_000) {
            throw new IllegalArgumentException("fl.localEpochs must be in [1, 10000], got " + localEpochs);
        }
        if (localBatch < 1) {
            throw new IllegalArgumentException("fl.localBatch must be >= 1, got " + localBatch);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("fl.lr must be positive and finite, got " + lr);
        }
        if (!(serverLr > 0) || Double.isInfinite(serverLr)) {
            throw new IllegalArgumentException("fl.serverLr must be positive and finite, got " + serverLr);
        }
        if (threads < 0 || threads > 1024) {
            throw new IllegalArgumentException("fl.threads must be in [0, 1024] (0 = all cores), got " + threads);
        }
    }

    /** Textbook defaults for the rest: server lr 1, all cores. */
    public static FlOptions of(
            Algorithm algorithm,
            int clients,
            int clientsPerRound,
            int rounds,
            int localEpochs,
            int localBatch,
            double lr) {
        return new FlOptions(algorithm, clients, clientsPerRound, rounds, localEpochs, localBatch, lr, 1.0, 0);
    }

    /** Clients per round for a sampling fraction C of N clients: max(1, round(C·N)). */
    public static int clientsForFraction(int clients, double fraction) {
        if (!(fraction > 0) || fraction > 1) {
            throw new IllegalArgumentException("fl.clientFraction must be in (0, 1], got " + fraction);
        }
        return Math.max(1, (int) Math.round(fraction * clients));
    }

    public int threadCount() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
