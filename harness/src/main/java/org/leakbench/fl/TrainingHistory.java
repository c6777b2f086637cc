package org.leakbench.fl;

import java.util.List;
import org.leakbench.tensor.Tensor;

/**
 * The outcome of a federated run, one entry per round.
 *
 * @param testAccuracy test accuracy of the global model after each round (utility); NaN for rounds that were
 *                     not evaluated (see {@link FederatedTraining#evaluatingEvery})
 * @param nanos        wall-clock time of each round (clients, defenses, aggregation, server step; not
 *                     the evaluation)
 * @param bytesUp      bytes all clients uploaded in each round
 * @param bytesDown    bytes the server sent in each round (the global model to each participant, plus
 *                     protocol traffic)
 * @param finalParams  the global parameters after the last round
 */
public record TrainingHistory(
        double[] testAccuracy, long[] nanos, long[] bytesUp, long[] bytesDown, List<Tensor> finalParams) {
    public TrainingHistory {
        finalParams = List.copyOf(finalParams);
    }

    public int rounds() {
        return testAccuracy.length;
    }

    public double finalAccuracy() {
        return testAccuracy[testAccuracy.length - 1];
    }

    public long totalBytesUp() {
        long s = 0;
        for (long b : bytesUp) {
            s += b;
        }
        return s;
    }

    public long totalNanos() {
        long s = 0;
        for (long t : nanos) {
            s += t;
        }
        return s;
    }
}
