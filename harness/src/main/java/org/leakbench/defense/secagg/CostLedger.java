package org.leakbench.defense.secagg;

/** Bytes each client sends and receives, per round, counted from the wire size of every message. */
public final class CostLedger {
    private final long[][] sent;
    private final long[][] received;

    public CostLedger(int clients) {
        sent = new long[clients][Round.values().length];
        received = new long[clients][Round.values().length];
    }

    void recordSent(int client, Round round, long bytes) {
        sent[client][round.ordinal()] += bytes;
    }

    void recordReceived(int client, Round round, long bytes) {
        received[client][round.ordinal()] += bytes;
    }

    public int clients() {
        return sent.length;
    }

    public long sentBytes(int client, Round round) {
        return sent[client][round.ordinal()];
    }

    public long receivedBytes(int client, Round round) {
        return received[client][round.ordinal()];
    }

    public long sentBytes(int client) {
        long s = 0;
        for (long b : sent[client]) {
            s += b;
        }
        return s;
    }

    public long receivedBytes(int client) {
        long s = 0;
        for (long b : received[client]) {
            s += b;
        }
        return s;
    }

    /** Bytes sent per client in total, indexed by client id. */
    public long[] sentPerClient() {
        long[] out = new long[sent.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = sentBytes(c);
        }
        return out;
    }

    public long[] receivedPerClient() {
        long[] out = new long[received.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = receivedBytes(c);
        }
        return out;
    }
}
