package org.leakbench.defense.secagg;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 Diffie-Hellman (RFC 7748) through the JDK's {@code XDH} provider, with the raw 32-byte encodings the
 * protocol sends: public keys as the little-endian u-coordinate, private keys as the 32-byte scalar (what is
 * Shamir-shared so the server can recover a dropped client's pairwise masks).
 */
public final class X25519 {
    /** Bytes in an encoded public key, private scalar or shared secret. */
    public static final int KEY_BYTES = 32;

    private X25519() {}

    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
            generator.initialize(NamedParameterSpec.X25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks X25519 (XDH)", e);
        }
    }

    /** Little-endian u-coordinate, 32 bytes. */
    public static byte[] encodePublic(PublicKey key) {
        BigInteger u = ((XECPublicKey) key).getU();
        byte[] be = Shamir.toFixed(u, KEY_BYTES);
        byte[] le = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            le[i] = be[KEY_BYTES - 1 - i];
        }
        return le;
    }

    public static PublicKey decodePublic(byte[] encoded) {
        if (encoded.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "X25519 public key must be " + KEY_BYTES + " bytes, got " + encoded.length);
        }
        byte[] be = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            be[i] = encoded[KEY_BYTES - 1 - i];
        }
        be[0] &= 0x7f; // RFC 7748 §5: the top bit of the u-coordinate is ignored
        try {
            return KeyFactory.getInstance("XDH")
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid X25519 public key: " + e.getMessage(), e);
        }
    }

    public static byte[] privateScalar(PrivateKey key) {
        return ((XECPrivateKey) key)
                .getScalar()
                .orElseThrow(() -> new IllegalStateException("X25519 private key does not expose its scalar"));
    }

    public static PrivateKey privateFromScalar(byte[] scalar) {
        if (scalar.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "X25519 private scalar must be " + KEY_BYTES + " bytes, got " + scalar.length);
        }
        try {
            return KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid X25519 private scalar: " + e.getMessage(), e);
        }
    }

    /** The 32-byte shared secret; fails with a clear error on a low-order peer key (all-zero result). */
    public static byte[] agree(PrivateKey own, PublicKey peer) {
        return agree(agreement(own), peer);
    }

    /**
     * A key agreement holding {@code own}, for many peers in a row: the provider look-up and the key's
     * initialisation are done once, since {@link KeyAgreement#generateSecret()} returns it to this state.
     */
    public static KeyAgreement agreement(PrivateKey own) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(own);
            return agreement;
        } catch (GeneralSecurityException e) {
            throw new SecAggException("X25519 key agreement failed: " + e.getMessage(), e);
        }
    }

    /** The shared secret of the agreement's own key with {@code peer}; the agreement can then be used again. */
    public static byte[] agree(KeyAgreement agreement, PublicKey peer) {
        try {
            agreement.doPhase(peer, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new SecAggException("X25519 key agreement failed: " + e.getMessage(), e);
        }
    }
}
