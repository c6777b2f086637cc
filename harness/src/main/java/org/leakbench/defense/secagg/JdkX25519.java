package org.leakbench.defense.secagg;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 through the JDK's {@code XDH} provider (JEP 324): the pure-Java route, taken where the system's
 * libcrypto cannot be reached. Raw keys are turned into the provider's key objects here, so no caller depends
 * on them: a public key is the little-endian u-coordinate, a private key the 32-byte scalar.
 */
final class JdkX25519 {
    private JdkX25519() {}

    /** An agreement holding {@code scalar}: the provider look-up and key set-up are done once for many peers. */
    static X25519.Agreement agreement(byte[] scalar) {
        KeyAgreement agreement;
        try {
            agreement = KeyAgreement.getInstance("XDH");
            agreement.init(KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid X25519 private scalar: " + e.getMessage(), e);
        }
        return peer -> {
            try {
                agreement.doPhase(decodePublic(peer), true);
                // generateSecret returns the agreement to its initialised state, ready for the next peer.
                return agreement.generateSecret();
            } catch (GeneralSecurityException e) {
                throw new SecAggException("X25519 key agreement failed: " + e.getMessage(), e);
            }
        };
    }

    private static PublicKey decodePublic(byte[] encoded) throws GeneralSecurityException {
        byte[] be = new byte[X25519.KEY_BYTES];
        for (int i = 0; i < X25519.KEY_BYTES; i++) {
            be[i] = encoded[X25519.KEY_BYTES - 1 - i];
        }
        be[0] &= 0x7f; // RFC 7748 §5: the top bit of the u-coordinate is ignored
        return KeyFactory.getInstance("XDH")
                .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, be)));
    }
}
