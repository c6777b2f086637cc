package org.leakbench.defense.secagg;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * A test public-key infrastructure for the active mode: one registered Ed25519 verification key per client id,
 * known to every party, and the matching signing keys handed to the clients. Bonawitz et al. assume such a PKI
 * (or a trusted key-registration step) so that the server cannot impersonate clients; in a deployment the keys
 * would be long-lived and registered once, so their generation is not counted in the per-session time.
 */
public final class Pki {
    private final PublicKey[] verificationKeys;
    private final PrivateKey[] signingKeys;

    private Pki(PublicKey[] verificationKeys, PrivateKey[] signingKeys) {
        this.verificationKeys = verificationKeys;
        this.signingKeys = signingKeys;
    }

    /** Registers a fresh key pair for each of the n client ids. */
    public static Pki generate(int clients, SecureRandom random) {
        PublicKey[] pub = new PublicKey[clients];
        PrivateKey[] priv = new PrivateKey[clients];
        for (int u = 0; u < clients; u++) {
            KeyPair kp = Ed25519.generate(random);
            pub[u] = kp.getPublic();
            priv[u] = kp.getPrivate();
        }
        return new Pki(pub, priv);
    }

    public int clients() {
        return verificationKeys.length;
    }

    /** The registered verification key of client u, or null if u is not registered. */
    public PublicKey verificationKey(int u) {
        return u >= 0 && u < verificationKeys.length ? verificationKeys[u] : null;
    }

    /** The signing key given to client u at registration (only client u uses it). */
    PrivateKey signingKey(int u) {
        return signingKeys[u];
    }

    /** True if {@code signature} is client u's valid signature on {@code statement}. */
    public boolean verify(int u, byte[] statement, byte[] signature) {
        return Ed25519.verify(verificationKey(u), statement, signature);
    }
}
