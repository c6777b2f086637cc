package org.leakbench.defense.secagg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128-GCM encryption of the Shamir shares one client sends another through the server. The key comes
 * from HKDF-SHA256 over the X25519 agreement of the two encryption key pairs; the associated data binds the
 * session, sender, recipient and round, so a ciphertext replayed from another session or forwarded to the
 * wrong client fails authentication. Wire format: 12-byte random nonce, ciphertext, 16-byte tag.
 */
public final class ShareCipher {
    public static final int KEY_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    private static final byte[] KEY_INFO = "leakbench secagg share encryption key".getBytes(StandardCharsets.US_ASCII);

    private ShareCipher() {}

    /** Symmetric key for the pair (u, v): both derive it from their own private and the other's public key. */
    public static byte[] deriveKey(byte[] sharedSecret, long session) {
        return Hkdf.derive(sessionSalt(session), sharedSecret, KEY_INFO, KEY_BYTES);
    }

    public static int ciphertextLength(int plaintextLength) {
        return NONCE_BYTES + plaintextLength + TAG_BYTES;
    }

    public static byte[] encrypt(
            byte[] key, byte[] plaintext, long session, int from, int to, Round round, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            gcm.updateAAD(associatedData(session, from, to, round));
            byte[] out = new byte[ciphertextLength(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            gcm.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts and authenticates; throws {@link MessageRejectedException} if the ciphertext was altered, was
     * meant for another recipient, round or session, or has the wrong length.
     */
    public static byte[] decrypt(byte[] key, byte[] ciphertext, long session, int from, int to, Round round) {
        if (ciphertext.length < NONCE_BYTES + TAG_BYTES) {
            throw new MessageRejectedException(
                    from,
                    round,
                    "encrypted share from client " + from + " to client " + to + " is " + ciphertext.length
                            + " bytes, shorter than nonce and tag");
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BYTES * 8, ciphertext, 0, NONCE_BYTES));
            gcm.updateAAD(associatedData(session, from, to, round));
            return gcm.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new MessageRejectedException(
                    from,
                    round,
                    "encrypted share from client " + from + " to client " + to
                            + " failed authentication (altered, misdirected or replayed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    static byte[] sessionSalt(long session) {
        return ByteBuffer.allocate(8).putLong(session).array();
    }

    private static byte[] associatedData(long session, int from, int to, Round round) {
        return ByteBuffer.allocate(20)
                .putLong(session)
                .putInt(from)
                .putInt(to)
                .putInt(roundNumber(round))
                .array();
    }

    /** The round's number in the associated data: fixed by the protocol, not by the enum's declaration order. */
    private static int roundNumber(Round round) {
        return switch (round) {
            case ADVERTISE_KEYS -> 0;
            case SHARE_KEYS -> 1;
            case MASKED_INPUT -> 2;
            case CONSISTENCY_CHECK -> 3;
            case UNMASKING -> 4;
        };
    }
}
