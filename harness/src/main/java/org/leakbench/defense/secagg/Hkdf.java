package org.leakbench.defense.secagg;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from input keying material, then expand it to
 * the requested length. Used to turn X25519 shared secrets into AES-GCM keys and mask seeds.
 */
public final class Hkdf {
    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LEN = 32;

    private Hkdf() {}

    /** HKDF-Extract: PRK = HMAC(salt, ikm); an empty or null salt means HashLen zero bytes (RFC 5869 §2.2). */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        byte[] s = salt == null || salt.length == 0 ? new byte[HASH_LEN] : salt;
        Mac mac = mac(s);
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand: T(1) | T(2) | ... truncated to {@code length} bytes, at most 255 * 32. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LEN) {
            throw new IllegalArgumentException(
                    "HKDF output length must be in [1, " + 255 * HASH_LEN + "], got " + length);
        }
        Mac mac = mac(prk);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int filled = 0;
        for (int block = 1; filled < length; block++) {
            mac.update(previous);
            if (info != null) {
                mac.update(info);
            }
            mac.update((byte) block);
            previous = mac.doFinal();
            int n = Math.min(HASH_LEN, length - filled);
            System.arraycopy(previous, 0, out, filled, n);
            filled += n;
        }
        return out;
    }

    /** Extract then expand. */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        return expand(extract(salt, ikm), info, length);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks " + HMAC, e);
        }
    }
}
