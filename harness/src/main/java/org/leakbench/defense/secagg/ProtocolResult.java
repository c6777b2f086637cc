package org.leakbench.defense.secagg;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one protocol run produced: the sum of the included clients' inputs mod 2^b, who was included, the
 * bytes each client sent and received, wall time per round, messages that were rejected, and the server's
 * view of the masked inputs (for tests and attacks).
 *
 * @param sum            sum of the included inputs, each element in [0, 2^b)
 * @param included       ids of the clients whose input is in the sum, sorted
 * @param cost           bytes per client and round
 * @param roundNanos     wall time per round (client and server work together, single-threaded)
 * @param rejections     reasons of every rejected message or client abort, in order
 * @param server         the server after the run; {@link SecAggServer#maskedInput(int)} gives its view
 */
public record ProtocolResult(
        int[] sum,
        int[] included,
        CostLedger cost,
        EnumMap<Round, Long> roundNanos,
        List<String> rejections,
        SecAggServer server) {

    public Map<Round, Long> roundNanosView() {
        return Map.copyOf(roundNanos);
    }
}
