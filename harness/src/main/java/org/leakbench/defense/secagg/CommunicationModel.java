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
 * @param security     the active mode adds a signature to each advertisement and the consistency-check round
 */
public record CommunicationModel(
        int clients, int neighbours, long vectorLength, int modulusBits, SecurityMode security) {
    /** The semi-honest mode. */
    public CommunicationModel(int clients, int neighbours, long vectorLength, int modulusBits) {
        this(clients, neighbours, vectorLength, modulusBits, SecurityMode.SEMI_HONEST);
    }

    public CommunicationModel {
        if (security == null) {
            throw new IllegalArgumentException("security must be SEMI_HONEST or ACTIVE, got null");
        }
        if (clients < 2 || neighbours < 1 || neighbours >= clients || vectorLength < 1 || modulusBits < 1) {
            throw new IllegalArgumentException("need clients >= 2, 1 <= neighbours < clients, vectorLength >= 1, "
                    + "modulusBits >= 1; got " + clients + ", " + neighbours + ", " + vectorLength + ", "
                    + modulusBits);
        }
    }

    /**
     * Sent: keys (signed if active), one ciphertext per neighbour and the self-mask seed commitment, the masked
     * vector, the signature on the survivor set if active, one share per neighbour and itself.
     */
    public long sentBytes() {
        long header = SecAggMessage.HEADER_BYTES;
        long advertise = header + 2L * X25519.KEY_BYTES + signature();
        long share = header + neighbours * (4L + SecAggClient.CIPHERTEXT_BYTES) + SelfMaskCommitment.BYTES;
        long masked = header + (vectorLength * modulusBits + 7) / 8;
        long unmask = header + (neighbours + 1L) * (4 + Shamir.SHARE_BYTES);
        long consistency = security == SecurityMode.ACTIVE ? header + Ed25519.SIGNATURE_BYTES : 0;
        return advertise + share + masked + consistency + unmask;
    }

    /**
     * Received: the neighbours' keys, their ciphertexts, the survivor list and, in the active mode, the
     * signatures of the neighbourhood (itself included) on it.
     */
    public long receivedBytes() {
        long header = SecAggMessage.HEADER_BYTES;
        long keys = header + neighbours * (4L + 2 * X25519.KEY_BYTES + signature());
        long shares = header + neighbours * (4L + SecAggClient.CIPHERTEXT_BYTES);
        long survivors = header + 4L * clients;
        long signatures =
                security == SecurityMode.ACTIVE ? header + (neighbours + 1L) * (4 + Ed25519.SIGNATURE_BYTES) : 0;
        return keys + shares + survivors + signatures;
    }

    private long signature() {
        return security == SecurityMode.ACTIVE ? Ed25519.SIGNATURE_BYTES : 0;
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
