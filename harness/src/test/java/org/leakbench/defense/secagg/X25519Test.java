package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.security.PrivateKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The raw encodings of {@link X25519} against the test vectors of RFC 7748 (sections 5.2 and 6.1). */
class X25519Test {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static byte[] publicOf(PrivateKey key) {
        byte[] base = new byte[X25519.KEY_BYTES];
        base[0] = 9;
        return X25519.agree(key, X25519.decodePublic(base));
    }

    /** Section 5.2: scalar, input u-coordinate (vector 2 has its top bit set, which must be ignored), output. */
    @ParameterizedTest
    @CsvSource({
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4,"
                + "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c,"
                + "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d,"
                + "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493,"
                + "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
    })
    void scalarMultiplicationVectors(String scalar, String u, String expected) {
        byte[] out = X25519.agree(X25519.privateFromScalar(hex(scalar)), X25519.decodePublic(hex(u)));
        assertArrayEquals(hex(expected), out);
    }

    /** Section 6.1: both public keys, their encodings, and the shared secret from either side. */
    @Test
    void diffieHellmanVector() {
        byte[] aliceScalar = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        PrivateKey alice = X25519.privateFromScalar(aliceScalar);
        PrivateKey bob =
                X25519.privateFromScalar(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        byte[] alicePublic = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        byte[] bobPublic = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(alicePublic, publicOf(alice));
        assertArrayEquals(bobPublic, publicOf(bob));
        assertArrayEquals(alicePublic, X25519.encodePublic(X25519.decodePublic(alicePublic)));
        assertArrayEquals(bobPublic, X25519.encodePublic(X25519.decodePublic(bobPublic)));
        assertArrayEquals(shared, X25519.agree(alice, X25519.decodePublic(bobPublic)));
        assertArrayEquals(shared, X25519.agree(bob, X25519.decodePublic(alicePublic)));
        assertArrayEquals(aliceScalar, X25519.privateScalar(alice));
    }
}
