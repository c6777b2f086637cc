package org.leakbench.defense.secagg;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link SecureAggregator#aggregate}: the dequantised sum of the included clients' updates and
 * the cost of getting it.
 *
 * @param sum             dequantised sum of the included updates
 * @param included        ids (indices into the update list) whose update is in the sum, sorted
 * @param bytesSent       bytes each client sent over the whole session, indexed by id
 * @param bytesReceived   bytes each client received, indexed by id
 * @param expansionFactor mean over included clients of bytes sent / bytes of the plain vector at b bits per
 *                        element
 * @param phaseNanos      wall time per phase: quantize, advertise_keys, share_keys, masked_input, unmasking,
 *                        dequantize (in that order)
 * @param rejections      every rejected message or client abort, in order
 * @param protocol        the underlying run (per-round bytes, the server's view of masked inputs)
 */
public record AggregationResult(
        float[] sum,
        int[] included,
        long[] bytesSent,
        long[] bytesReceived,
        double expansionFactor,
        Map<String, Long> phaseNanos,
        List<String> rejections,
        ProtocolResult protocol) {

    /** Client u's masked vector exactly as the server received it (elements in [0, 2^b)), or null. */
    public int[] maskedInput(int client) {
        return protocol.server().maskedInput(client);
    }

    /** Sum of all phase times in nanoseconds. */
    public long totalNanos() {
        return phaseNanos.values().stream().mapToLong(Long::longValue).sum();
    }
}
