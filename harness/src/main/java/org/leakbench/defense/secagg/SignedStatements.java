package org.leakbench.defense.secagg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The byte strings clients sign in the active mode, each with its own domain tag so a signature on one can
 * never pass as a signature on the other: the round-0 key advertisement (session, sender, both public keys)
 * and the round-3 survivor set U3 (session and the sorted ids).
 */
final class SignedStatements {
    private static final byte[] ADVERTISEMENT = "leakbench secagg advertise-keys".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SURVIVORS = "leakbench secagg consistency-check".getBytes(StandardCharsets.US_ASCII);

    private SignedStatements() {}

    static byte[] advertisement(long session, int sender, byte[] encryptionKey, byte[] maskKey) {
        return ByteBuffer.allocate(ADVERTISEMENT.length + 12 + encryptionKey.length + maskKey.length)
                .put(ADVERTISEMENT)
                .putLong(session)
                .putInt(sender)
                .put(encryptionKey)
                .put(maskKey)
                .array();
    }

    /** @param survivors sorted, distinct ids */
    static byte[] survivors(long session, int[] survivors) {
        ByteBuffer b = ByteBuffer.allocate(SURVIVORS.length + 12 + 4 * survivors.length)
                .put(SURVIVORS)
                .putLong(session)
                .putInt(survivors.length);
        for (int s : survivors) {
            b.putInt(s);
        }
        return b.array();
    }
}
