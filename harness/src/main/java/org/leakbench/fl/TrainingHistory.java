package org.leakbench.fl;

import java.util.List;
import org.leakbench.model.HeldOutScore;
import org.leakbench.tensor.Tensor;

/**
 * The outcome of a federated run, one entry per round.
 *
 * @param testAccuracy test accuracy of the global model after each round (utility); NaN for rounds that were
 *                     not evaluated (see {@link FederatedTraining#evaluatingEvery})
 * @param testLoss     mean cross-entropy (nats) of the global model on the test rows, from the same evaluation as
 *                     {@code testAccuracy}; NaN where that is
 * @param nanos        wall-clock time of each round (clients, defenses, aggregation, server step; not
 *                     the evaluation)
 * @param bytesUp      bytes all clients uploaded in each round
 * @param bytesDown    bytes the server sent in each round (the global model to each participant, plus
 *                     protocol traffic)
 * @param finalParams  the global parameters after the last round
 * @param finalBuffers the global BatchNorm running statistics after the last round, the mean of the clients'
 *                     ({@link org.leakbench.model.Model#bufferShapes()} order); empty for a model without
 *                     BatchNorm or when some client's training does not carry them
 */
public record TrainingHistory(
        double[] testAccuracy,
        double[] testLoss,
        long[] nanos,
        long[] bytesUp,
        long[] bytesDown,
        List<Tensor> finalParams,
        List<Tensor> finalBuffers) {
    public TrainingHistory {
        if (testLoss.length != testAccuracy.length) {
            throw new IllegalArgumentException("training history: " + testLoss.length + " test losses for "
                    + testAccuracy.length + " rounds of test accuracy");
        }
        finalParams = List.copyOf(finalParams);
        finalBuffers = finalBuffers == null ? List.of() : List.copyOf(finalBuffers);
    }

    /** A history without running statistics. */
    public TrainingHistory(
            double[] testAccuracy,
            double[] testLoss,
            long[] nanos,
            long[] bytesUp,
            long[] bytesDown,
            List<Tensor> finalParams) {
        this(testAccuracy, testLoss, nanos, bytesUp, bytesDown, finalParams, List.of());
    }

    public int rounds() {
        return testAccuracy.length;
    }

    public double finalAccuracy() {
        return testAccuracy[testAccuracy.length - 1];
    }

    /** Test accuracy and mean test cross-entropy after the last round. */
    public HeldOutScore finalScore() {
        return new HeldOutScore(finalAccuracy(), finalLoss());
    }

    /** The mean test cross-entropy after the last round, in nats. */
    public double finalLoss() {
        return testLoss[testLoss.length - 1];
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
