package org.leakbench.defense.secagg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hash commitment to a client's self-mask seed b_u, sent with its round-1 shares so the server can check the
 * seed it reconstructs from the round-3 shares. The mask secret key needs no such commitment (its public key
 * is one); without this, a single wrong share of b_u would silently change the sum. SHA-256 over a domain tag,
 * the session, the owner and the 16-byte uniformly random seed: binding by collision resistance and, the seed
 * having 128 bits of entropy, hiding in the random-oracle model.
 */
final class SelfMaskCommitment {
    /** Bytes of a commitment on the wire. */
    static final int BYTES = 32;

    private static final byte[] TAG = "leakbench secagg self-mask seed commitment".getBytes(StandardCharsets.US_ASCII);

    private SelfMaskCommitment() {}

    static byte[] of(long session, int owner, byte[] seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TAG);
            sha.update(ByteBuffer.allocate(12).putLong(session).putInt(owner).array());
            sha.update(seed);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    static boolean matches(byte[] commitment, long session, int owner, byte[] seed) {
        return MessageDigest.isEqual(commitment, of(session, owner, seed));
    }
}
