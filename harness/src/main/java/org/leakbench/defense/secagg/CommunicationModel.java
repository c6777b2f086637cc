package org.leakbench.defense.secagg;

/**
 * Bytes one client sends and receives in a session without dropouts, computed from the message sizes of
 * {@link SecAggMessage} (so it matches what {@link CostLedger} counts). Useful for configurations too large
 * to run, such as Bonawitz et al.'s 2^10 clients with 2^20 inputs, for which they report a 1.73x
 * communication expansion over sending 16-bit inputs in the clear.
 *
 * @param clients      n
 * @param neighbours   peers a client shares with (n - 1 for SecAgg, k for SecAgg+)
 * @param vectorLength m
 * @param modulusBits  b
 */
public record CommunicationModel(int clients, int neighbours, long vectorLength, int modulusBits) {
    public CommunicationModel {
        if (clients < 2 || neighbours < 1 || neighbours >= clients || vectorLength < 1 || modulusBits < 1) {
            throw new IllegalArgumentException("need clients >= 2, 1 <= neighbours < clients, vectorLength >= 1, "
                    + "modulusBits >= 1; got " + clients + ", " + neighbours + ", " + vectorLength + ", "
                    + modulusBits);
        }
    }

    /**
     * Sent: keys, one ciphertext per neighbour and the self-mask seed commitment, the masked vector, one share
     * per neighbour and itself.
     */
    public long sentBytes() {
        long header = SecAggMessage.HEADER_BYTES;
        long advertise = header + 2L * X25519.KEY_BYTES;
        long share = header + neighbours * (4L + SecAggClient.CIPHERTEXT_BYTES) + SelfMaskCommitment.BYTES;
        long masked = header + (vectorLength * modulusBits + 7) / 8;
        long unmask = header + (neighbours + 1L) * (4 + Shamir.SHARE_BYTES);
        return advertise + share + masked + unmask;
    }

    /** Received: the neighbours' keys, their ciphertexts, and the survivor list. */
    public long receivedBytes() {
        long header = SecAggMessage.HEADER_BYTES;
        long keys = header + neighbours * (4L + 2 * X25519.KEY_BYTES);
        long shares = header + neighbours * (4L + SecAggClient.CIPHERTEXT_BYTES);
        long survivors = header + 4L * clients;
        return keys + shares + survivors;
    }

    /** Bytes sent divided by the plain vector at {@code plainBits} per element. */
    public double sentExpansion(int plainBits) {
        return sentBytes() / plainBytes(plainBits);
    }

    /** Bytes sent and received divided by the plain vector at {@code plainBits} per element. */
    public double totalExpansion(int plainBits) {
        return (sentBytes() + receivedBytes()) / plainBytes(plainBits);
    }

    private double plainBytes(int plainBits) {
        return (double) vectorLength * plainBits / 8;
    }
}
