package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the mask generator's output bit for bit: masks that clients and the server expand must agree across
 * releases and across the routes the generator may take (native libcrypto or the JDK), or a stored session
 * no longer unmasks. The digests were taken before the generator was first optimised; lengths straddle the
 * AES block (4 words) and the generator's internal batches.
 */
class MaskPrgStreamTest {
    private static final HexFormat HEX = HexFormat.of();

    static String digest(int[] words) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * words.length);
        for (int w : words) {
            bytes.putInt(w);
        }
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "seed {0}, n {1}")
    @CsvSource({
        "000102030405060708090a0b0c0d0e0f, 0, e3b0c44298fc1c14",
        "000102030405060708090a0b0c0d0e0f, 1, 569eec6b3c76edee",
        "000102030405060708090a0b0c0d0e0f, 3, e60c921b5fce74f4",
        "000102030405060708090a0b0c0d0e0f, 5, 590292031dfd023f",
        "000102030405060708090a0b0c0d0e0f, 8191, 9232ca12a7e74cd1",
        "000102030405060708090a0b0c0d0e0f, 8193, 3b6a1ed27c89a901",
        "2b7e151628aed2a6abf7158809cf4f3c, 100003, 3f8e3143d2e570c3",
        "00000000000000000000000000000000, 1048583, ba16db2cbdb91e0b",
    })
    void fillIsPinned(String seed, int n, String expected) {
        int[] out = new int[n];
        new MaskPrg().fill(HEX.parseHex(seed), out);
        assertEquals(expected, digest(out));
    }

    @Test
    void firstWordsAreTheAesBlocksOfCountersZeroAndOne() {
        // AES-128 under key 2b7e..3c of the blocks 0 and 1 is 7df76b0c 1ab899b3 3e42f047 b91b546f and
        // 57127d40 34b1bebf aef466b9 c7726fc6 (computed independently with a stock AES); little-endian words.
        String[] words = {"0c6bf77d", "b399b81a", "47f0423e", "6f541bb9", "407d1257", "bfbeb134", "b966f4ae", "c66f72c7"
        };
        int[] expected = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            expected[i] = Integer.parseUnsignedInt(words[i], 16);
        }
        int[] out = new int[8];
        new MaskPrg().fill(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"), out);
        assertArrayEquals(expected, out);
    }

    @Test
    void addMaskIsPinnedForBothSigns() {
        MaskPrg prg = new MaskPrg();
        int[] values = new int[70_001];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0x9e3779b9;
        }
        prg.addMask(HEX.parseHex("ffeeddccbbaa99887766554433221100"), values, 1);
        assertEquals("f08be793e97aea2b", digest(values));
        prg.addMask(HEX.parseHex("0f0e0d0c0b0a09080706050403020100"), values, -1);
        assertEquals("f90a3191344190b2", digest(values));
    }

    /** Every route this JVM can take gives the pinned masks, for fill and for the add of both signs. */
    @Test
    void everyRouteGivesThePinnedMasks() {
        List<String> routes = new ArrayList<>(List.of("ctr", "ecb"));
        if (MaskPrgRoute.nativeRouteProblem() == null) {
            routes.add("openssl");
        }
        for (String route : routes) {
            MaskPrg prg = MaskPrg.onRoute(route);
            int[] out = new int[100_003];
            prg.fill(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"), out);
            assertEquals("3f8e3143d2e570c3", digest(out), route);
            int[] values = new int[70_001];
            for (int i = 0; i < values.length; i++) {
                values[i] = i * 0x9e3779b9;
            }
            prg.addMask(HEX.parseHex("ffeeddccbbaa99887766554433221100"), values, 1);
            assertEquals("f08be793e97aea2b", digest(values), route);
            prg.addMask(HEX.parseHex("0f0e0d0c0b0a09080706050403020100"), values, -1);
            assertEquals("f90a3191344190b2", digest(values), route);
        }
    }
}
