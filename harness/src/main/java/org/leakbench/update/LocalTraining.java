package org.leakbench.update;

import java.util.SplittableRandom;

/**
 * How a client turns the global parameters into its update: plain SGD, or DP-SGD (Abadi et al. 2016) with
 * per-example clipping and noise. The client is given one by whoever builds it, so the federated simulation
 * does not depend on any defense and a new local trainer is one class.
 *
 * <p>Implementations draw all their randomness from {@code rng}, so the same stream gives the same update.
 */
public interface LocalTraining {
    /** FedSGD: one update at the global parameters from a batch of at most {@code batch} of the client's rows. */
    LocalResult gradient(LocalTask task, int batch, SplittableRandom rng);

    /**
     * FedAvg: {@code epochs} passes of minibatch training from the global parameters with minibatches of
     * {@code batch} rows and learning rate {@code lr}; the update is θ_global − θ_local with its steps and lr.
     */
    LocalResult weightDifference(LocalTask task, int epochs, int batch, double lr, SplittableRandom rng);

    /** A short name for logs and errors ("sgd", "dp-sgd"). */
    String name();
}
