package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.leakbench.defense.secagg.SecAggConfig.Mode;

/** Exactness of the unmasked sum, dropouts, and the threshold, for SecAgg and SecAgg+. */
class SecAggProtocolTest {
    static final SecureRandom RANDOM = new SecureRandom(new byte[] {7});

    static List<int[]> inputs(int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> out = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            int[] x = new int[m];
            for (int i = 0; i < m; i++) {
                x[i] = r.nextInt();
            }
            out.add(x);
        }
        return out;
    }

    /** Plaintext sum mod 2^b of the given clients' inputs. */
    static int[] plainSum(List<int[]> inputs, int[] clients, int bits) {
        int[] sum = new int[inputs.get(0).length];
        for (int u : clients) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += inputs.get(u)[i];
            }
        }
        int mask = bits == 32 ? -1 : (1 << bits) - 1;
        for (int i = 0; i < sum.length; i++) {
            sum[i] &= mask;
        }
        return sum;
    }

    /** Drops {@code count} clients spread over the four rounds (client 0 always stays). */
    static DropoutSchedule spreadDropouts(int n, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ids =
                r.ints(0, n).map(i -> 1 + i % (n - 1)).distinct().limit(count).toArray();
        DropoutSchedule d = DropoutSchedule.none();
        for (int i = 0; i < ids.length; i++) {
            d = d.dropBefore(Round.EVERY_MODE.get(i % 4), ids[i]);
        }
        return d;
    }

    static int[] survivors(int n, DropoutSchedule d) {
        return java.util.stream.IntStream.range(0, n)
                .filter(u -> d.online(u, Round.UNMASKING))
                .toArray();
    }

    static SecAggConfig config(Mode mode, int bits) {
        return SecAggConfig.defaults(mode).withModulusBits(bits);
    }

    @ParameterizedTest(name = "{0} n={1} b={2}")
    @CsvSource({
        "SECAGG, 3, 32",
        "SECAGG, 10, 20",
        "SECAGG, 80, 32",
        "SECAGG, 200, 32",
        "SECAGG_PLUS, 3, 32",
        "SECAGG_PLUS, 10, 32",
        "SECAGG_PLUS, 100, 24"
    })
    void exactSumWithoutDropouts(Mode mode, int n, int bits) {
        List<int[]> x = inputs(n, 33, n);
        ProtocolResult r = new SecureAggregator(Channel.DIRECT, RANDOM)
                .aggregateIntegers(x, config(mode, bits), DropoutSchedule.none(), 1);
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        assertArrayEquals(all, r.included());
        assertArrayEquals(plainSum(x, all, bits), r.sum());
        assertTrue(r.rejections().isEmpty(), r.rejections().toString());
    }

    @ParameterizedTest(name = "SecAgg n={0}")
    @CsvSource({"3", "10", "50", "200"})
    void secAggExactWithMaximalDropouts(int n) {
        SecAggConfig cfg = config(Mode.SECAGG, 32);
        int t = cfg.thresholdFor(n);
        DropoutSchedule d = spreadDropouts(n, n - t, n);
        assertEquals(n - t, d.dropouts());
        List<int[]> x = inputs(n, 17, 3L * n);
        ProtocolResult r = new SecureAggregator(Channel.DIRECT, RANDOM).aggregateIntegers(x, cfg, d, 2);
        assertSumOfMaskedInputs(x, d, r);
    }

    /**
     * The result is the exact sum (mod 2^32) of the clients that sent their masked input; clients dropping
     * later, before unmasking, are included.
     */
    static void assertSumOfMaskedInputs(List<int[]> x, DropoutSchedule d, ProtocolResult r) {
        int[] included = java.util.stream.IntStream.range(0, x.size())
                .filter(u -> d.online(u, Round.MASKED_INPUT))
                .toArray();
        assertArrayEquals(included, r.included());
        assertArrayEquals(plainSum(x, included, 32), r.sum());
    }

    @ParameterizedTest(name = "SecAgg+ n={0}")
    @CsvSource({"10", "200"})
    void secAggPlusExactWithDropoutsEveryNeighbourhoodSurvives(int n) {
        SecAggConfig cfg = config(Mode.SECAGG_PLUS, 32);
        NeighbourGraph g = cfg.graph(n, new SplittableRandom(5));
        int t = cfg.thresholdFor(g.groupSize());
        // at most (k + 1) - t dropouts in total leave every share-holder group at least t members
        DropoutSchedule d = spreadDropouts(n, g.groupSize() - t, n + 1);
        List<int[]> x = inputs(n, 17, 3L * n);
        ProtocolResult r = new SecureAggregator(Channel.DIRECT, RANDOM).aggregateIntegers(x, cfg, d, 5);
        assertSumOfMaskedInputs(x, d, r);
    }

    @Test
    void secAggPlusWithManyRandomDropoutsIsExactOrFailsCleanly() {
        int n = 60;
        List<int[]> x = inputs(n, 9, 11);
        int successes = 0;
        for (long seed = 0; seed < 3; seed++) {
            DropoutSchedule d = DropoutSchedule.random(n, 8, new SplittableRandom(seed));
            try {
                ProtocolResult r = new SecureAggregator(Channel.DIRECT, RANDOM)
                        .aggregateIntegers(x, config(Mode.SECAGG_PLUS, 32), d, seed);
                assertArrayEquals(plainSum(x, r.included(), 32), r.sum());
                successes++;
            } catch (SecAggException e) {
                assertTrue(e.getMessage().contains("threshold"), e.getMessage());
            }
        }
        assertTrue(successes > 0);
    }

    @ParameterizedTest
    @EnumSource(Round.class)
    void fewerThanThresholdSurvivorsFailsWithoutASum(Round round) {
        int n = 6;
        SecAggConfig cfg = config(Mode.SECAGG, 32); // t = 4
        DropoutSchedule d = DropoutSchedule.none().dropBefore(round, 1, 3, 5);
        SecAggException e = assertThrows(
                SecAggException.class,
                () -> new SecureAggregator(Channel.DIRECT, RANDOM).aggregateIntegers(inputs(n, 5, 1), cfg, d, 1));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    }

    @Test
    void secAggPlusUsesOnlyNeighboursAndLogarithmicDegree() {
        NeighbourGraph g = NeighbourGraph.circulant(200, NeighbourGraph.defaultDegree(200), new SplittableRandom(3));
        assertEquals(24, NeighbourGraph.defaultDegree(200));
        assertEquals(30, NeighbourGraph.defaultDegree(1000));
        for (int u = 0; u < 200; u++) {
            int[] nb = g.neighbours(u);
            assertEquals(24, nb.length);
            for (int v : nb) {
                assertTrue(g.adjacent(v, u), "graph must be symmetric");
            }
        }
        assertEquals(25, g.groupSize());
        assertArrayEquals(
                new int[] {0, 1, 2, 3},
                Arrays.stream(NeighbourGraph.complete(4).shareHolders(2)).toArray());
    }
}
