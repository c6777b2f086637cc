package org.leakbench.defense.dp;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short fingerprint of float bits, for tests that pin a stream of values exactly. */
final class Bits {
    private Bits() {}

    /** The first 16 hex digits of SHA-256 over the raw IEEE bits (so -0.0 and NaN payloads count). */
    static String digest(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length);
        for (float v : values) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        return sha256Prefix(bytes.array());
    }

    /** The same over doubles. */
    static String digest(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length);
        for (double v : values) {
            bytes.putLong(Double.doubleToRawLongBits(v));
        }
        return sha256Prefix(bytes.array());
    }

    private static String sha256Prefix(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
