package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.secagg.SecAggConfig.Mode;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskResponse;

/**
 * A single wrong share in the unmasking round (a faulty or malicious client, or a corrupted message) must not
 * silently change the sum: the self-mask seed is checked against the commitment sent in round 1 and the mask
 * key against the advertised public key. With spare shares the bad one is excluded and named; with exactly t
 * shares the run fails with a clear error. Five clients, t = 4.
 */
class SecAggShareCheckTest {
    private static final int N = 5;
    private final List<int[]> inputs = SecAggProtocolTest.inputs(N, 16, 7);

    /** Client {@code liar} sends share + 1 instead of its share of {@code owner}'s secret. */
    private static Channel corrupt(int liar, int owner, boolean selfMask) {
        return m -> {
            if (m instanceof UnmaskResponse r && r.sender() == liar) {
                Map<Integer, byte[]> seeds = new TreeMap<>(r.selfMaskShares());
                Map<Integer, byte[]> keys = new TreeMap<>(r.maskKeyShares());
                Map<Integer, byte[]> target = selfMask ? seeds : keys;
                BigInteger y =
                        new BigInteger(1, target.get(owner)).add(BigInteger.ONE).mod(Shamir.PRIME);
                target.put(owner, Shamir.toFixed(y, Shamir.SHARE_BYTES));
                return List.of(new UnmaskResponse(r.session(), r.sender(), keys, seeds));
            }
            return List.of(m);
        };
    }

    private ProtocolResult run(Channel channel, DropoutSchedule dropouts) {
        return new SecureAggregator(channel, SecAggProtocolTest.RANDOM)
                .aggregateIntegers(inputs, SecAggConfig.defaults(Mode.SECAGG), dropouts, 3);
    }

    @Test
    void badSelfMaskShareIsExcludedWhenSpareSharesExist() {
        ProtocolResult r = run(corrupt(1, 0, true), DropoutSchedule.none());
        int[] all = {0, 1, 2, 3, 4};
        assertArrayEquals(SecAggProtocolTest.plainSum(inputs, all, 32), r.sum());
        assertTrue(
                r.rejections().stream()
                        .anyMatch(s -> s.contains("client 1") && s.contains("self-mask seed of client 0")),
                r.rejections().toString());
    }

    @Test
    void badSelfMaskShareWithoutSpareSharesIsAClearError() {
        SecAggException e = assertThrows(
                SecAggException.class,
                () -> run(corrupt(1, 0, true), DropoutSchedule.none().dropBefore(Round.UNMASKING, 4)));
        assertTrue(
                e.getMessage().contains("self-mask seed of client 0")
                        && e.getMessage().contains("commitment"),
                e.getMessage());
    }

    @Test
    void badMaskKeyShareIsExcludedWhenSpareSharesExist() {
        // client 4 drops after sharing keys: its mask key is reconstructed from the shares of 0..3, one of them bad
        DropoutSchedule d = DropoutSchedule.none().dropBefore(Round.MASKED_INPUT, 4);
        ProtocolResult r = new SecureAggregator(corrupt(2, 4, false), SecAggProtocolTest.RANDOM)
                .aggregateIntegers(SecAggProtocolTest.inputs(6, 16, 7), SecAggConfig.defaults(Mode.SECAGG), d, 3);
        int[] survivors = {0, 1, 2, 3, 5};
        assertArrayEquals(SecAggProtocolTest.plainSum(SecAggProtocolTest.inputs(6, 16, 7), survivors, 32), r.sum());
        assertTrue(
                r.rejections().stream()
                        .anyMatch(s -> s.contains("client 2") && s.contains("mask secret key of client 4")),
                r.rejections().toString());
    }
}
