package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskRequest;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskResponse;

/**
 * A server that lies about the survivor set in the unmasking round. Against the attack of sending every client
 * {v, made-up ids...}, which would collect t shares of v's self-mask seed and of every other client's mask key
 * (and so x_v in the clear), honest clients refuse to answer.
 */
class SecAggMaliciousServerTest {
    /** Eight clients, t = 6; clients 6 and 7 advertise keys but never share them. */
    private static HandDrivenSession session() {
        return new HandDrivenSession(NeighbourGraph.complete(8), 6, 8, Set.of(6, 7));
    }

    @Test
    void serverClaimingOnlyTheVictimAndMadeUpIdsSurvivedLearnsNothing() {
        HandDrivenSession s = session();
        int victim = 0;
        int[] lie = {victim, 6, 7, 8, 9, 10}; // 6 and 7 never shared keys, 8..10 do not exist
        Map<Integer, Integer> seedShares = new HashMap<>();
        Map<Integer, Integer> keyShares = new HashMap<>();
        int refusals = 0;
        for (int u = 0; u < 6; u++) {
            try {
                UnmaskResponse r = s.clients.get(u).unmask(new UnmaskRequest(HandDrivenSession.SESSION, u, lie));
                r.selfMaskShares().keySet().forEach(o -> seedShares.merge(o, 1, Integer::sum));
                r.maskKeyShares().keySet().forEach(o -> keyShares.merge(o, 1, Integer::sum));
            } catch (SecAggException e) {
                refusals++;
            }
        }
        assertEquals(6, refusals, "every honest client must refuse");
        int t = s.params.threshold();
        boolean victimSeedOut = seedShares.getOrDefault(victim, 0) >= t;
        boolean othersKeysOut = java.util.stream.IntStream.range(1, 6).allMatch(o -> keyShares.getOrDefault(o, 0) >= t);
        assertFalse(victimSeedOut && othersKeysOut, "the server could unmask client " + victim);
        for (int o = 0; o < 6; o++) {
            assertFalse(
                    seedShares.containsKey(o) && keyShares.containsKey(o),
                    "both kinds of share of client " + o + " left the clients");
        }
    }

    /** The message with which client 1 of a fresh session refuses to unmask for the claimed survivors. */
    private static String client1sRefusalToUnmask(int... survivors) {
        HandDrivenSession s = session();
        return assertThrows(
                        SecAggException.class,
                        () -> s.clients.get(1).unmask(new UnmaskRequest(HandDrivenSession.SESSION, 1, survivors)))
                .getMessage();
    }

    @Test
    void clientMissingFromTheSurvivorSetRefuses() {
        String refusal = client1sRefusalToUnmask(0, 2, 3, 4, 5);
        assertTrue(refusal.contains("not in the survivor set"), refusal);
    }

    @Test
    void survivorThatNeverSharedKeysIsRefused() {
        String refusal = client1sRefusalToUnmask(0, 1, 2, 3, 4, 5, 6);
        assertTrue(refusal.contains("client 6") && refusal.contains("did not send"), refusal);
    }

    @Test
    void idsOutsideTheSessionAreRefused() {
        String refusal = client1sRefusalToUnmask(0, 1, 2, 3, 4, 5, 99);
        assertTrue(refusal.contains("99"), refusal);
    }

    @Test
    void honestSurvivorSetIsStillAnswered() {
        HandDrivenSession s = session();
        UnmaskResponse r =
                s.clients.get(1).unmask(new UnmaskRequest(HandDrivenSession.SESSION, 1, new int[] {0, 1, 2, 3, 4, 5}));
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), r.selfMaskShares().keySet());
        assertTrue(r.maskKeyShares().isEmpty());
    }

    /** SecAgg+: ids outside the client's neighbourhood neither count toward t nor are checked against U2. */
    @Test
    void secAggPlusCountsOnlyTheNeighbourhoodTowardTheThreshold() {
        NeighbourGraph g = NeighbourGraph.circulant(12, 4, new SplittableRandom(3));
        HandDrivenSession s = new HandDrivenSession(g, 4, 8, Set.of());
        int u = 0;
        int[] nb = g.neighbours(u);
        int[] far = java.util.stream.IntStream.range(0, 12)
                .filter(v -> v != u && !g.adjacent(u, v))
                .toArray();
        // u, two neighbours and many far clients: 3 real peers < t = 4 even though the list is long
        int[] survivors = java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.of(u, nb[0], nb[1]), java.util.Arrays.stream(far))
                .sorted()
                .toArray();
        SecAggException e = assertThrows(
                SecAggException.class,
                () -> s.clients.get(u).unmask(new UnmaskRequest(HandDrivenSession.SESSION, u, survivors)));
        assertTrue(e.getMessage().contains("fewer than the threshold"), e.getMessage());
        int[] all = java.util.stream.IntStream.range(0, 12).toArray();
        UnmaskResponse ok = s.clients.get(u).unmask(new UnmaskRequest(HandDrivenSession.SESSION, u, all));
        assertEquals(nb.length + 1, ok.selfMaskShares().size());
    }
}
