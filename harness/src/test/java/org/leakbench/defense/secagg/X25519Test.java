package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both routes of {@link X25519} against the test vectors of RFC 7748 (sections 5.2 and 6.1) and each other. */
class X25519Test {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    /** The JDK route, and the native one where this JVM can run it (the build's test JVMs can: see below). */
    static List<X25519.Route> routes() {
        List<X25519.Route> routes = new ArrayList<>(List.of(X25519.Route.JDK));
        if (X25519.nativeRouteProblem() == null) {
            routes.add(X25519.Route.OPENSSL);
        }
        return routes;
    }

    private static byte[] agree(X25519.Route route, byte[] scalar, byte[] peer) {
        return X25519.agreement(route, scalar).agree(peer);
    }

    private static byte[] publicOf(X25519.Route route, byte[] scalar) {
        byte[] base = new byte[X25519.KEY_BYTES];
        base[0] = 9;
        return agree(route, scalar, base);
    }

    @Test
    void theNativeRouteRunsWhereTheJvmAndTheLibraryAllowIt() {
        // The build starts its test JVMs with the foreign module and native access; on a machine with libcrypto
        // the native route must then work, so that the tests below cannot silently skip it.
        boolean module =
                ModuleLayer.boot().findModule(MaskPrgRoute.FOREIGN_MODULE).isPresent();
        boolean library = Stream.of(
                        "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1")
                .anyMatch(f -> Files.isRegularFile(Path.of(f)));
        assumeTrue(module && library, "no foreign module or no libcrypto here");
        assertEquals(List.of(X25519.Route.JDK, X25519.Route.OPENSSL), routes());
        assertEquals(X25519.Route.OPENSSL, X25519.named(null));
        assertTrue(X25519.description().startsWith("X25519 on OpenSSL "), X25519.description());
    }

    @Test
    void aForcedRouteIsTakenAndABadNameIsNamed() {
        assertEquals(X25519.Route.JDK, X25519.named(" JDK "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> X25519.named("bouncy"));
        assertTrue(
                e.getMessage().contains("-Dleakbench.x25519") && e.getMessage().contains("bouncy"), e.getMessage());
    }

    static Stream<Arguments> scalarMultiplicationVectors() {
        // Section 5.2: scalar, input u-coordinate (vector 2 has its top bit set, which must be ignored), output.
        List<String[]> vectors = List.of(
                new String[] {
                    "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                    "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
                    "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"
                },
                new String[] {
                    "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                    "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
                    "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
                });
        return routes().stream().flatMap(r -> vectors.stream().map(v -> Arguments.of(r, v[0], v[1], v[2])));
    }

    @ParameterizedTest
    @MethodSource
    void scalarMultiplicationVectors(X25519.Route route, String scalar, String u, String expected) {
        assertArrayEquals(hex(expected), agree(route, hex(scalar), hex(u)));
    }

    /** Section 6.1: both public keys and the shared secret from either side. */
    @ParameterizedTest
    @MethodSource("routes")
    void diffieHellmanVector(X25519.Route route) {
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] alicePublic = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        byte[] bobPublic = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(alicePublic, publicOf(route, alice));
        assertArrayEquals(bobPublic, publicOf(route, bob));
        assertArrayEquals(shared, agree(route, alice, bobPublic));
        assertArrayEquals(shared, agree(route, bob, alicePublic));
    }

    /** The public API on the route this JVM took gives the section 6.1 keys and secret too. */
    @Test
    void publicApiMatchesTheDiffieHellmanVector() {
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bobPublic = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        assertArrayEquals(
                hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"), X25519.publicKey(alice));
        assertArrayEquals(
                hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"),
                X25519.agree(alice, bobPublic));
    }

    /**
     * Random scalars and peer keys (top bit set in half of them, and one u-coordinate of p + 2 .. p + 18, where
     * p = 2^255 - 19, that both must reduce mod p), one agreement reused for many peers: both routes give the
     * same secrets.
     */
    @Test
    void bothRoutesGiveTheSameSecrets() {
        assumeTrue(routes().size() == 2, "the native route cannot run here");
        Random random = new Random(25519);
        for (int k = 0; k < 20; k++) {
            byte[] scalar = new byte[X25519.KEY_BYTES];
            random.nextBytes(scalar);
            X25519.Agreement jdk = X25519.agreement(X25519.Route.JDK, scalar);
            X25519.Agreement openssl = X25519.agreement(X25519.Route.OPENSSL, scalar);
            for (int j = 0; j < 10; j++) {
                byte[] peer = new byte[X25519.KEY_BYTES];
                random.nextBytes(peer);
                if (j == 0) { // a non-canonical encoding (p and p + 1 would be the low-order points 0 and 1)
                    Arrays.fill(peer, (byte) 0xff);
                    peer[0] = (byte) (0xef + random.nextInt(0x11));
                }
                assertArrayEquals(jdk.agree(peer), openssl.agree(peer), "scalar " + k + ", peer " + j);
            }
        }
    }

    /** A low-order peer key (here u = 0 and u = 1) gives an all-zero secret, which both routes refuse. */
    @ParameterizedTest
    @MethodSource("routes")
    void lowOrderPeerKeysAreRefused(X25519.Route route) {
        byte[] scalar = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] one = new byte[X25519.KEY_BYTES];
        one[0] = 1;
        X25519.Agreement a = X25519.agreement(route, scalar);
        assertThrows(SecAggException.class, () -> a.agree(new byte[X25519.KEY_BYTES]));
        assertThrows(SecAggException.class, () -> a.agree(one));
        // The agreement still works after a refusal.
        assertArrayEquals(
                hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"),
                a.agree(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void wrongKeyLengthsAreNamed(X25519.Route route) {
        IllegalArgumentException scalar =
                assertThrows(IllegalArgumentException.class, () -> X25519.agreement(route, new byte[31]));
        assertTrue(scalar.getMessage().contains("private scalar must be 32 bytes, got 31"), scalar.getMessage());
        X25519.Agreement a = X25519.agreement(route, new byte[32]);
        IllegalArgumentException peer = assertThrows(IllegalArgumentException.class, () -> a.agree(new byte[33]));
        assertTrue(peer.getMessage().contains("public key must be 32 bytes, got 33"), peer.getMessage());
    }
}
