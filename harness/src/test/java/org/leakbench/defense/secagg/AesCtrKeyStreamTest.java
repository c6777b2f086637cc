package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The key-stream routes against NIST SP 800-38A and against each other. */
class AesCtrKeyStreamTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The JDK routes, and the native one where this JVM can run it (the build's test JVMs can: see below). */
    static List<Supplier<AesCtrKeyStream>> routes() {
        List<Supplier<AesCtrKeyStream>> routes = new ArrayList<>(List.of(JdkCtrKeyStream::new, EcbCtrKeyStream::new));
        if (MaskPrgRoute.nativeRouteProblem() == null) {
            routes.add(MaskPrgRoute::nativeStream);
        }
        return routes;
    }

    @Test
    void theNativeRouteRunsWhereTheJvmAndTheLibraryAllowIt() {
        // The build starts its test JVMs with the foreign module and native access; on a machine with libcrypto
        // the native route must then work, so that the tests above cannot silently skip it.
        boolean module =
                ModuleLayer.boot().findModule(MaskPrgRoute.FOREIGN_MODULE).isPresent();
        boolean library = Stream.of(
                        "/usr/lib/x86_64-linux-gnu/libcrypto.so.3", "/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1")
                .anyMatch(f -> Files.isRegularFile(Path.of(f)));
        assumeTrue(module && library, "no foreign module or no libcrypto here");
        assertNull(MaskPrgRoute.nativeRouteProblem());
        assertTrue(routes().size() == 3);
        assertTrue(
                MaskPrgRoute.description(MaskPrgRoute.Route.OPENSSL, false, null, false)
                        .startsWith("AES-128-CTR on OpenSSL "),
                MaskPrgRoute.description(MaskPrgRoute.Route.OPENSSL, false, null, false));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void matchesSp800_38aF51(Supplier<AesCtrKeyStream> route) {
        // NIST SP 800-38A, F.5.1 CTR-AES128.Encrypt: ciphertext = plaintext XOR key stream.
        byte[] plain = HEX.parseHex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                + "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
        byte[] cipher = HEX.parseHex("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
                + "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee");
        AesCtrKeyStream s = route.get();
        s.start(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));
        byte[] stream = new byte[64];
        s.next(stream, 64);
        byte[] out = new byte[64];
        for (int i = 0; i < 64; i++) {
            out[i] = (byte) (plain[i] ^ stream[i]);
        }
        assertEquals(HEX.formatHex(cipher), HEX.formatHex(out));
    }

    /**
     * A stream restarted under new keys (the native route re-keys its context without setting the cipher
     * again) gives what a fresh stream gives, including after a restart in the middle of a chunk sequence.
     */
    @ParameterizedTest
    @MethodSource("routes")
    void restartingUnderANewKeyEqualsAFreshStream(Supplier<AesCtrKeyStream> route) {
        byte[] first = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] second = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] counter = new byte[16];
        byte[] fresh = new byte[4096];
        AesCtrKeyStream reference = route.get();
        reference.start(second, counter);
        reference.next(fresh, fresh.length);
        AesCtrKeyStream reused = route.get();
        byte[] out = new byte[4096];
        for (int round = 0; round < 3; round++) {
            reused.start(first, counter);
            reused.next(out, 64);
            reused.start(second, counter);
            reused.next(out, out.length);
            assertArrayEquals(fresh, out, "restart " + round);
        }
    }

    @Test
    void routesAgreeAcrossTheLowWordCarryAndChunkSizes() {
        // The counter's low 64 bits overflow after two blocks; chunks of uneven sizes must continue the stream.
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        byte[] counter = HEX.parseHex("00000000000000fffffffffffffffffe");
        int[] chunks = {16, 48, AesCtrKeyStream.MAX_CHUNK, 32, AesCtrKeyStream.MAX_CHUNK - 16};
        byte[][] streams = new byte[routes().size()][];
        for (int r = 0; r < streams.length; r++) {
            AesCtrKeyStream s = routes().get(r).get();
            s.start(key, counter);
            byte[] all = new byte[Arrays.stream(chunks).sum()];
            byte[] chunk = new byte[AesCtrKeyStream.MAX_CHUNK];
            int at = 0;
            for (int c : chunks) {
                s.next(chunk, c);
                System.arraycopy(chunk, 0, all, at, c);
                at += c;
            }
            streams[r] = all;
        }
        for (int r = 1; r < streams.length; r++) {
            assertArrayEquals(streams[0], streams[r], "route " + r);
        }
        // Block 2 is counter ...0100..00: a carry into the high half, which a 64-bit counter would miss.
        EcbCtrKeyStream plain = new EcbCtrKeyStream();
        plain.start(key, HEX.parseHex("00000000000001000000000000000000"));
        byte[] block = new byte[16];
        plain.next(block, 16);
        assertArrayEquals(block, Arrays.copyOfRange(streams[0], 32, 48));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void applyLaysTheStreamOnAsLittleEndianWords(Supplier<AesCtrKeyStream> route) {
        byte[] key = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
        int full = AesCtrKeyStream.MAX_CHUNK / 4;
        int[] counts = {full, 5, full - 3, 1}; // a partial last block drops its extra words
        byte[] bytes = new byte[AesCtrKeyStream.MAX_CHUNK];
        EcbCtrKeyStream reference = new EcbCtrKeyStream();
        for (int mode = -1; mode <= 1; mode++) {
            AesCtrKeyStream s = route.get();
            s.start(key, new byte[16]);
            reference.start(key, new byte[16]);
            for (int n : counts) {
                int[] target = new int[n + 7];
                int[] expected = new int[n + 7];
                for (int i = 0; i < target.length; i++) {
                    target[i] = expected[i] = i * 0x61c88647;
                }
                s.apply(target, 3, n, mode);
                reference.next(bytes, 16 * ((n + 3) / 4));
                MaskPrg.scalar(bytes, 0, expected, 3, n, mode);
                assertArrayEquals(expected, target, "mode " + mode + ", " + n + " words");
            }
        }
        AesCtrKeyStream s = route.get();
        s.start(key, new byte[16]);
        assertThrows(IllegalArgumentException.class, () -> s.apply(new int[full + 1], 0, full + 1, 1));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void rejectsBadLengths(Supplier<AesCtrKeyStream> route) {
        AesCtrKeyStream s = route.get();
        assertThrows(IllegalArgumentException.class, () -> s.start(new byte[15], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> s.start(new byte[16], new byte[8]));
        s.start(new byte[16], new byte[16]);
        byte[] out = new byte[AesCtrKeyStream.MAX_CHUNK + 16];
        assertThrows(IllegalArgumentException.class, () -> s.next(out, 20));
        assertThrows(IllegalArgumentException.class, () -> s.next(out, AesCtrKeyStream.MAX_CHUNK + 16));
    }

    @Test
    void routeChoice() {
        // The intrinsic's AVX-512 VAES form beats OpenSSL's AES-NI; without it OpenSSL goes first.
        assertEquals(MaskPrgRoute.Route.JDK_CTR, MaskPrgRoute.choose(null, true, true, true));
        assertEquals(MaskPrgRoute.Route.OPENSSL, MaskPrgRoute.choose(null, true, true, false));
        assertEquals(MaskPrgRoute.Route.OPENSSL, MaskPrgRoute.choose(null, true, false, false));
        assertEquals(MaskPrgRoute.Route.OPENSSL, MaskPrgRoute.choose(null, true, false, true));
        assertEquals(MaskPrgRoute.Route.JDK_CTR, MaskPrgRoute.choose(null, false, true, false));
        assertEquals(MaskPrgRoute.Route.JDK_ECB, MaskPrgRoute.choose("", false, false, false));
        assertEquals(MaskPrgRoute.Route.JDK_ECB, MaskPrgRoute.choose("ECB", true, true, true));
        assertEquals(MaskPrgRoute.Route.JDK_CTR, MaskPrgRoute.choose("ctr", true, false, false));
        assertEquals(MaskPrgRoute.Route.OPENSSL, MaskPrgRoute.choose("OpenSSL", true, true, true));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MaskPrgRoute.choose("boringssl", true, true, false));
        assertEquals("-Dleakbench.maskprg must be openssl, ctr or ecb, got 'boringssl'", e.getMessage());
        IllegalArgumentException unavailable =
                assertThrows(IllegalArgumentException.class, () -> MaskPrgRoute.choose("openssl", false, true, false));
        assertTrue(
                unavailable.getMessage().startsWith("-Dleakbench.maskprg=openssl, but the native route cannot run"),
                unavailable.getMessage());
        // A fallback says why the native route was not taken.
        assertEquals(
                "AES-128-CTR on the JDK's AES/CTR intrinsic (warmed up, 16 KiB chunks); native libcrypto not used: "
                        + "the JVM lacks --add-modules=jdk.incubator.foreign",
                MaskPrgRoute.description(
                        MaskPrgRoute.Route.JDK_CTR, false, "the JVM lacks --add-modules=jdk.incubator.foreign", false));
        assertTrue(MaskPrgRoute.description(MaskPrgRoute.Route.JDK_CTR, false, null, true)
                .contains("AVX-512 VAES form"));
        // A forced fallback must not claim the intrinsic is missing.
        assertEquals(
                "AES-128-CTR as AES/ECB over counter blocks (pure-JDK fallback: forced with " + "-Dleakbench.maskprg)",
                MaskPrgRoute.description(MaskPrgRoute.Route.JDK_ECB, true, null, false));
        assertEquals(
                "AES-128-CTR as AES/ECB over counter blocks (pure-JDK fallback: no AES/CTR intrinsic on this " + "JVM)",
                MaskPrgRoute.description(MaskPrgRoute.Route.JDK_ECB, false, null, false));
    }
}
