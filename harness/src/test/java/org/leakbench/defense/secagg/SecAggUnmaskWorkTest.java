package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.secagg.SecAggConfig.Mode;

/**
 * The server's unmasking does the work the protocol needs and nothing that grows faster: counted, not timed
 * (see {@link UnmaskWork}), so a regression that adds reconstructions, agreements or per-owner Lagrange
 * inversions fails here on any machine.
 */
class SecAggUnmaskWorkTest {
    private static ProtocolResult run(Mode mode, int n, int[] dropped) {
        List<int[]> inputs = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            inputs.add(new int[] {u, 1, 2 * u});
        }
        DropoutSchedule d = DropoutSchedule.none().dropBefore(Round.MASKED_INPUT, dropped);
        return new SecureAggregator().aggregateIntegers(inputs, SecAggConfig.defaults(mode), d, 3);
    }

    @Test
    void secAggUnmaskingIsOneReconstructionPerClientAndOneAgreementPerDroppedSurvivorPair() {
        int n = 30;
        int[] dropped = {0, 11, 29};
        ProtocolResult r = run(Mode.SECAGG, n, dropped);
        int d = dropped.length;
        int s = n - d;
        UnmaskWork w = r.server().lastUnmaskWork();
        assertEquals(s + d, w.reconstructions(), "one reconstruction per survivor seed and dropped key");
        assertEquals(1, w.lagrangeSets(), "every owner's first t shares come from the same holders");
        assertEquals((long) d * s + d, w.agreements(), "d s pairwise seeds and d key checks");
        assertEquals(s + (long) d * s, w.masksExpanded(), "s self masks and d s pairwise masks");
        int[] sum = r.sum();
        assertEquals(s, sum[1], "the survivors' inputs add up");
        // Unmasking again gives the same sum and the same work: nothing accumulates between calls.
        assertArrayEquals(sum, r.server().closeUnmasking());
        assertEquals(w, r.server().lastUnmaskWork());
    }

    @Test
    void secAggPlusUnmaskingStaysWithinTheNeighbourhoods() {
        int n = 64;
        int[] dropped = {3, 20, 41, 50, 63};
        ProtocolResult r = run(Mode.SECAGG_PLUS, n, dropped);
        int d = dropped.length;
        int s = n - d;
        int k = NeighbourGraph.defaultDegree(n);
        UnmaskWork w = r.server().lastUnmaskWork();
        assertEquals(s + d, w.reconstructions());
        assertTrue(w.lagrangeSets() <= s + d, "at most one coefficient set per owner, got " + w.lagrangeSets());
        assertTrue(w.agreements() <= (long) d * (k + 1), "at most k + 1 agreements per dropped client, got " + w);
        assertTrue(w.agreements() >= (long) d * (k - d + 2), "every surviving neighbour is unmasked, got " + w);
        assertEquals(s + w.agreements() - d, w.masksExpanded(), "one mask per survivor and per pairwise seed");
    }
}
