package org.leakbench.defense.secagg;

/**
 * The public parameters of one protocol run, known to the server and every client.
 *
 * @param session      random session id, bound into key derivation and share encryption
 * @param vectorLength elements per input vector
 * @param modulusBits  b: inputs, masks and the sum live in Z_{2^b}, 1 <= b <= 32
 * @param threshold    t: shares needed to reconstruct a secret, 1 <= t <= the share-holder group size
 * @param graph        who shares secrets and masks with whom
 */
public record SessionParams(long session, int vectorLength, int modulusBits, int threshold, NeighbourGraph graph) {
    public SessionParams {
        if (vectorLength < 1) {
            throw new IllegalArgumentException("vectorLength must be >= 1, got " + vectorLength);
        }
        if (modulusBits < 1 || modulusBits > 32) {
            throw new IllegalArgumentException("modulusBits must be in [1, 32], got " + modulusBits);
        }
        if (threshold < 1 || threshold > graph.groupSize()) {
            throw new IllegalArgumentException("threshold must be in [1, " + graph.groupSize()
                    + "] (the share-holder group size), got " + threshold);
        }
    }

    public int clients() {
        return graph.size();
    }

    /** Bit mask selecting the low b bits. */
    public int modulusMask() {
        return modulusBits == 32 ? -1 : (1 << modulusBits) - 1;
    }
}
