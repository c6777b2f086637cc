package org.leakbench.defense.secagg;

import java.util.EnumMap;
import java.util.Map;

/** Bytes each client sends and receives, per round, counted from the wire size of every message. */
public final class CostLedger {
    private final int clients;
    /** Per round, bytes indexed by client id. */
    private final Map<Round, long[]> sent = new EnumMap<>(Round.class);

    private final Map<Round, long[]> received = new EnumMap<>(Round.class);

    public CostLedger(int clients) {
        this.clients = clients;
        for (Round round : Round.values()) {
            sent.put(round, new long[clients]);
            received.put(round, new long[clients]);
        }
    }

    void recordSent(int client, Round round, long bytes) {
        sent.get(round)[client] += bytes;
    }

    void recordReceived(int client, Round round, long bytes) {
        received.get(round)[client] += bytes;
    }

    public int clients() {
        return clients;
    }

    public long sentBytes(int client, Round round) {
        return sent.get(round)[client];
    }

    public long receivedBytes(int client, Round round) {
        return received.get(round)[client];
    }

    public long sentBytes(int client) {
        long s = 0;
        for (long[] perClient : sent.values()) {
            s += perClient[client];
        }
        return s;
    }

    public long receivedBytes(int client) {
        long s = 0;
        for (long[] perClient : received.values()) {
            s += perClient[client];
        }
        return s;
    }

    /** Bytes sent per client in total, indexed by client id. */
    public long[] sentPerClient() {
        long[] out = new long[clients];
        for (int c = 0; c < out.length; c++) {
            out[c] = sentBytes(c);
        }
        return out;
    }

    public long[] receivedPerClient() {
        long[] out = new long[clients];
        for (int c = 0; c < out.length; c++) {
            out[c] = receivedBytes(c);
        }
        return out;
    }
}
