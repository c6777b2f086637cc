package org.leakbench.fl;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The hook for a secure aggregation protocol: sums the clients' vectors so that the server learns only
 * the sum. The protocol itself (masking, key agreement, shares, quantisation) lives in
 * {@code defense.secagg}; {@link SecureAggregator} adapts it to an {@link Aggregator}.
 */
public interface SecureSummation {
    /** The sum of {@code inputs} (one flat vector per client, in client-id order) and the traffic. */
    Summed sum(List<float[]> inputs, SplittableRandom rng);

    String name();

    /**
     * The protocol's output and its traffic.
     *
     * @param sum       the element-wise sum (possibly after the protocol's quantisation)
     * @param bytesUp   all bytes the clients sent in the protocol, masked inputs included
     * @param bytesDown all bytes the server sent to clients in the protocol
     */
    record Summed(float[] sum, long bytesUp, long bytesDown) {}
}
