package org.leakbench.defense.secagg;

import java.util.Map;

/**
 * The messages of the protocol, one record per kind. Every message names its session, sender, recipient and
 * round and reports its size on the wire: a {@value #HEADER_BYTES}-byte header (session, sender, recipient,
 * round) plus the payload, with client ids as 4 bytes and masked vectors packed at b bits per element.
 * Records hold their arrays by reference; nobody mutates them after sending.
 */
public sealed interface SecAggMessage {
    /** The id used for the server as sender or recipient. */
    int SERVER = -1;
    /** Session (8), sender (4), recipient (4), round (4). */
    int HEADER_BYTES = 20;

    long session();

    int sender();

    int recipient();

    Round round();

    /** Payload size in bytes, without the header. */
    long payloadBytes();

    default long wireBytes() {
        return HEADER_BYTES + payloadBytes();
    }

    /**
     * Round 0, client to server: the share-encryption and the mask public keys, and in the active mode the
     * sender's Ed25519 signature on them ({@link SignedStatements#advertisement}); empty in the semi-honest mode.
     */
    record AdvertiseKeys(long session, int sender, byte[] encryptionKey, byte[] maskKey, byte[] signature)
            implements SecAggMessage {
        /** An unsigned advertisement (semi-honest mode). */
        public AdvertiseKeys(long session, int sender, byte[] encryptionKey, byte[] maskKey) {
            this(session, sender, encryptionKey, maskKey, new byte[0]);
        }

        @Override
        public int recipient() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.ADVERTISE_KEYS;
        }

        @Override
        public long payloadBytes() {
            return (long) encryptionKey.length + maskKey.length + signature.length;
        }
    }

    /** Round 0, server to client: the advertised keys of the client's neighbours (all clients in SecAgg). */
    record KeyList(long session, int recipient, Map<Integer, AdvertiseKeys> keys) implements SecAggMessage {
        @Override
        public int sender() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.ADVERTISE_KEYS;
        }

        @Override
        public long payloadBytes() {
            return keys.values().stream().mapToLong(k -> 4L + k.payloadBytes()).sum();
        }
    }

    /**
     * Round 1, client to server: one ciphertext per share holder, keyed by the holder's id, and the hash
     * commitment to the self-mask seed ({@link SelfMaskCommitment}).
     */
    record ShareKeys(long session, int sender, Map<Integer, byte[]> ciphertexts, byte[] seedCommitment)
            implements SecAggMessage {
        @Override
        public int recipient() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.SHARE_KEYS;
        }

        @Override
        public long payloadBytes() {
            return ciphertexts.values().stream().mapToLong(c -> 4L + c.length).sum() + seedCommitment.length;
        }
    }

    /** Round 1, server to client: the ciphertexts addressed to the recipient, keyed by their sender. */
    record ForwardedShares(long session, int recipient, Map<Integer, byte[]> ciphertexts) implements SecAggMessage {
        @Override
        public int sender() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.SHARE_KEYS;
        }

        @Override
        public long payloadBytes() {
            return ciphertexts.values().stream().mapToLong(c -> 4L + c.length).sum();
        }
    }

    /** Round 2, client to server: the masked input, elements mod 2^modulusBits. */
    record MaskedInput(long session, int sender, int[] masked, int modulusBits) implements SecAggMessage {
        @Override
        public int recipient() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.MASKED_INPUT;
        }

        @Override
        public long payloadBytes() {
            return ((long) masked.length * modulusBits + 7) / 8;
        }
    }

    /**
     * Round 2, server to client: the clients whose masked input arrived (U3 in Bonawitz et al.); in the active
     * mode it opens the consistency check.
     */
    record UnmaskRequest(long session, int recipient, int[] survivors) implements SecAggMessage {
        @Override
        public int sender() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.MASKED_INPUT;
        }

        @Override
        public long payloadBytes() {
            return 4L * survivors.length;
        }
    }

    /** Round 3 (active mode), client to server: the sender's signature on the survivor set it received. */
    record SurvivorSignature(long session, int sender, byte[] signature) implements SecAggMessage {
        @Override
        public int recipient() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.CONSISTENCY_CHECK;
        }

        @Override
        public long payloadBytes() {
            return signature.length;
        }
    }

    /**
     * Round 3 (active mode), server to client: the survivors' signatures on U3 (those of the recipient's
     * neighbourhood and its own), keyed by signer.
     */
    record SignatureList(long session, int recipient, Map<Integer, byte[]> signatures) implements SecAggMessage {
        @Override
        public int sender() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.CONSISTENCY_CHECK;
        }

        @Override
        public long payloadBytes() {
            return signatures.values().stream().mapToLong(s -> 4L + s.length).sum();
        }
    }

    /**
     * Round 4, client to server: shares of the mask secret key of dropped peers and shares of the self-mask
     * seed of surviving peers, each keyed by the peer's id; never both for one peer.
     */
    record UnmaskResponse(
            long session, int sender, Map<Integer, byte[]> maskKeyShares, Map<Integer, byte[]> selfMaskShares)
            implements SecAggMessage {
        @Override
        public int recipient() {
            return SERVER;
        }

        @Override
        public Round round() {
            return Round.UNMASKING;
        }

        @Override
        public long payloadBytes() {
            return (long) (maskKeyShares.size() + selfMaskShares.size()) * (4 + Shamir.SHARE_BYTES);
        }
    }
}
