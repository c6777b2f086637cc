package org.leakbench.defense.secagg;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A client's check of the survivor set U3 the server announces (Bonawitz et al., CCS 2017, Figure 4, rounds 3
 * and 4): U3 must contain the client itself, every id in its neighbourhood must be a client it received shares
 * from in round 1 (U3 within U2, per neighbourhood for SecAgg+), and only those real peers count toward t. Ids
 * outside the neighbourhood belong to other neighbourhoods (SecAgg+) and are neither checked nor counted; ids
 * outside the session are refused. Without these checks a server could announce {v, made-up ids...} to every
 * client and collect the shares of v's self-mask seed together with every other client's mask key.
 */
final class SurvivorSet {
    private SurvivorSet() {}

    /**
     * @param self      the checking client
     * @param announced the survivor ids the server sent
     * @param shared    the clients of self's neighbourhood (itself included) it holds round-1 shares from
     * @return the announced survivors within self's neighbourhood, all of them in {@code shared}
     * @throws SecAggException if the set is inconsistent or holds fewer than t real peers
     */
    static SortedSet<Integer> check(int self, int[] announced, SortedSet<Integer> shared, SessionParams params) {
        TreeSet<Integer> real = new TreeSet<>();
        TreeSet<Integer> seen = new TreeSet<>();
        for (int v : announced) {
            if (!seen.add(v)) {
                throw refuse(self, "the survivor set names client " + v + " twice");
            }
            if (v < 0 || v >= params.clients()) {
                throw refuse(
                        self,
                        "the survivor set names client " + v + ", which is not in the session (0.."
                                + (params.clients() - 1) + ")");
            }
            if (v != self && !params.graph().adjacent(self, v)) {
                continue; // another neighbourhood's survivor (SecAgg+)
            }
            if (!shared.contains(v)) {
                throw refuse(
                        self,
                        "the survivor set names client " + v
                                + ", which did not send it shares in round 1 (U3 must be a subset of U2)");
            }
            real.add(v);
        }
        if (!real.contains(self)) {
            throw refuse(self, "it is not in the survivor set the server sent");
        }
        if (real.size() < params.threshold()) {
            throw new SecAggException("client " + self + " aborts: only " + real.size()
                    + " of its share holders survived, fewer than the threshold " + params.threshold());
        }
        return Collections.unmodifiableSortedSet(real);
    }

    private static SecAggException refuse(int self, String why) {
        return new SecAggException("client " + self + " refuses to unmask: " + why);
    }
}
