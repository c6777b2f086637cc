package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.secagg.SecAggConfig.Mode;
import org.leakbench.defense.secagg.SecAggMessage.AdvertiseKeys;
import org.leakbench.defense.secagg.SecAggMessage.ForwardedShares;
import org.leakbench.defense.secagg.SecAggMessage.MaskedInput;
import org.leakbench.defense.secagg.SecAggMessage.ShareKeys;

/**
 * Each kind of bad message is rejected with a clear reason and, with enough honest clients left, the round
 * completes and the sum is exact. Five clients, t = 4.
 */
class SecAggBadInputTest {
    private static final int N = 5;
    private final List<int[]> inputs = SecAggProtocolTest.inputs(N, 16, 99);

    private ProtocolResult run(Channel channel) {
        return new SecureAggregator(channel, SecAggProtocolTest.RANDOM)
                .aggregateIntegers(inputs, SecAggConfig.defaults(Mode.SECAGG), DropoutSchedule.none(), 3);
    }

    private void assertExact(ProtocolResult r, int[] included) {
        assertArrayEquals(included, r.included());
        assertArrayEquals(SecAggProtocolTest.plainSum(inputs, included, 32), r.sum());
    }

    private static void assertRejected(ProtocolResult r, String reason) {
        assertTrue(
                r.rejections().stream().anyMatch(s -> s.contains(reason)),
                "expected a rejection containing '" + reason + "', got " + r.rejections());
    }

    @Test
    void maskedInputOfWrongLengthIsRejectedAndItsSenderTreatedAsDropped() {
        ProtocolResult r = run(m -> m instanceof MaskedInput in && in.sender() == 2
                ? List.of(new MaskedInput(in.session(), 2, Arrays.copyOf(in.masked(), 15), in.modulusBits()))
                : List.of(m));
        assertRejected(r, "masked input has 15 elements of 32 bits, expected 16");
        assertExact(r, new int[] {0, 1, 3, 4});
    }

    @Test
    void unknownClientIdIsRejected() {
        ProtocolResult r = run(m -> m instanceof AdvertiseKeys k && k.sender() == 0
                ? List.of(m, new AdvertiseKeys(k.session(), 99, k.encryptionKey(), k.maskKey()))
                : List.of(m));
        assertRejected(r, "unknown client id 99");
        assertExact(r, new int[] {0, 1, 2, 3, 4});
    }

    @Test
    void duplicateClientIdIsRejectedAndTheFirstMessageKept() {
        ProtocolResult r = run(m -> {
            if (m instanceof AdvertiseKeys k && k.sender() == 1) {
                AdvertiseKeys forged = new AdvertiseKeys(k.session(), 1, k.maskKey(), k.encryptionKey());
                return List.of(m, forged);
            }
            return List.of(m);
        });
        assertRejected(r, "duplicates an earlier message from client 1");
        assertExact(r, new int[] {0, 1, 2, 3, 4});
    }

    @Test
    void shareFailingAuthenticationIsRejectedAndOthersSharesSuffice() {
        ProtocolResult r = run(m -> {
            if (m instanceof ForwardedShares f && f.recipient() == 1) {
                Map<Integer, byte[]> altered = new TreeMap<>(f.ciphertexts());
                byte[] c = altered.get(0).clone();
                c[20] ^= 1;
                altered.put(0, c);
                return List.of(new ForwardedShares(f.session(), 1, altered));
            }
            return List.of(m);
        });
        assertRejected(r, "encrypted share from client 0 to client 1 failed authentication");
        assertExact(r, new int[] {0, 1, 2, 3, 4});
    }

    @Test
    void reflectedCiphertextFailsAuthenticationThanksToTheAssociatedData() {
        // k_12 = k_21, so only the associated data (sender, recipient) tells the two directions apart
        List<ShareKeys> seen = new ArrayList<>();
        ProtocolResult r = run(m -> {
            if (m instanceof ShareKeys s && s.sender() == 1) {
                seen.add(s);
            }
            if (m instanceof ForwardedShares f && f.recipient() == 1) {
                Map<Integer, byte[]> altered = new TreeMap<>(f.ciphertexts());
                altered.put(2, seen.get(0).ciphertexts().get(2));
                return List.of(new ForwardedShares(f.session(), 1, altered));
            }
            return List.of(m);
        });
        assertRejected(r, "encrypted share from client 2 to client 1 failed authentication");
        assertExact(r, new int[] {0, 1, 2, 3, 4});
    }

    @Test
    void messageReplayedInALaterRoundIsRejected() {
        List<SecAggMessage> earlier = new ArrayList<>();
        ProtocolResult r = run(m -> {
            if (m instanceof ShareKeys s && s.sender() == 0) {
                earlier.add(s);
            }
            if (m instanceof MaskedInput in && in.sender() == 0) {
                return List.of(m, earlier.get(0));
            }
            return List.of(m);
        });
        assertRejected(r, "ShareKeys is a SHARE_KEYS message but the server is in round MASKED_INPUT");
        assertExact(r, new int[] {0, 1, 2, 3, 4});
    }

    @Test
    void messageReplayedFromAnotherSessionIsRejected() {
        List<SecAggMessage> old = new ArrayList<>();
        run(capture(old));
        ProtocolResult r = run(m -> m instanceof MaskedInput in && in.sender() == 3 ? List.of(old.get(0)) : List.of(m));
        assertRejected(r, "belongs to session");
        assertExact(r, new int[] {0, 1, 2, 4});
    }

    private static Channel capture(List<SecAggMessage> into) {
        Consumer<SecAggMessage> sink = m -> {
            if (m instanceof MaskedInput in && in.sender() == 3) {
                into.add(m);
            }
        };
        return m -> {
            sink.accept(m);
            return List.of(m);
        };
    }
}
