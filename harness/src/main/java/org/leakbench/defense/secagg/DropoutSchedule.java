package org.leakbench.defense.secagg;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which clients drop out, and before which round: a client that drops before round r sends nothing in r or
 * later (and receives nothing for it). Immutable; the {@code dropBefore} methods return a new schedule.
 */
public final class DropoutSchedule {
    private static final DropoutSchedule NONE = new DropoutSchedule(Map.of());
    private final Map<Integer, Round> dropRound;

    private DropoutSchedule(Map<Integer, Round> dropRound) {
        this.dropRound = Map.copyOf(dropRound);
    }

    public static DropoutSchedule none() {
        return NONE;
    }

    /** A schedule in which the given clients drop before {@code round} (others keep their earlier entries). */
    public DropoutSchedule dropBefore(Round round, int... clients) {
        Map<Integer, Round> copy = new HashMap<>(dropRound);
        for (int c : clients) {
            if (c < 0) {
                throw new IllegalArgumentException("client id must be >= 0, got " + c);
            }
            copy.merge(c, round, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        return new DropoutSchedule(copy);
    }

    /**
     * {@code count} distinct clients out of n, each dropping before a round drawn uniformly from
     * {@link Round#EVERY_MODE} (so a seed gives the same schedule in either security mode).
     */
    public static DropoutSchedule random(int n, int count, SplittableRandom random) {
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("dropout count must be in [0, " + n + "], got " + count);
        }
        int[] ids = new int[n];
        Arrays.setAll(ids, i -> i);
        Map<Integer, Round> map = new HashMap<>();
        Round[] rounds = Round.EVERY_MODE.toArray(new Round[0]);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int tmp = ids[i];
            ids[i] = ids[j];
            ids[j] = tmp;
            map.put(ids[i], rounds[random.nextInt(rounds.length)]);
        }
        return new DropoutSchedule(map);
    }

    /** True if the client is still online for {@code round}. */
    public boolean online(int client, Round round) {
        Round r = dropRound.get(client);
        return r == null || round.compareTo(r) < 0;
    }

    /** Number of clients that drop at some point. */
    public int dropouts() {
        return dropRound.size();
    }

    @Override
    public String toString() {
        return "DropoutSchedule" + dropRound;
    }
}
