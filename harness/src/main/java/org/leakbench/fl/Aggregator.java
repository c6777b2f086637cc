package org.leakbench.fl;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.update.Update;

/**
 * How the server combines the updates of a round into their mean. Implementations: {@link MeanAggregator}
 * (the server sees every update) and {@link SecureAggregator} (the server sees only the sum, computed by a
 * {@link SecureSummation} protocol).
 */
public interface Aggregator {
    /** The mean of {@code updates} (given in client-id order, all of the same shapes). */
    Aggregate aggregate(List<Update> updates, SplittableRandom rng);

    /** Whether the server learns each client's update (false for secure aggregation). */
    boolean revealsIndividualUpdates();

    String name();
}
