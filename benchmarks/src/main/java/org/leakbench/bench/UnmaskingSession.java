package org.leakbench.bench;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.secagg.Channel;
import org.leakbench.defense.secagg.DropoutSchedule;
import org.leakbench.defense.secagg.MaskPrg;
import org.leakbench.defense.secagg.ProtocolResult;
import org.leakbench.defense.secagg.Round;
import org.leakbench.defense.secagg.SecAggConfig;
import org.leakbench.defense.secagg.SecAggMessage;
import org.leakbench.defense.secagg.SecAggMessage.MaskedInput;
import org.leakbench.defense.secagg.SecAggServer;
import org.leakbench.defense.secagg.SecureAggregator;
import org.leakbench.defense.secagg.SecurityMode;
import org.leakbench.defense.secagg.SessionParams;

/**
 * A server holding every client message of a finished session at L coordinates, ready to unmask. The session
 * runs once with one-coordinate inputs (every key agreement, Shamir split and share encryption of a real
 * session, but masks of one word); its client messages are then replayed into a fresh server for L
 * coordinates, with each survivor's masked input replaced by L random words. The server cannot tell: it
 * reconstructs the same secrets, agrees the same keys and expands every mask to L words, so its unmasking does
 * the work of a session at L; only the sum is meaningless. Running the session at L instead would make the
 * clients expand n² masks of L words first, hours at n = 1000 and L = 10^6.
 */
final class UnmaskingSession {
    private UnmaskingSession() {}

    /**
     * The server of a semi-honest session of n clients at {@code length} coordinates in which the clients with
     * the spread-out ids of {@link #dropped} dropped before sending their masked inputs.
     */
    static SecAggServer prepare(SecAggConfig config, int n, int length, double dropout, long seed) {
        Recorded once = record(config, n, dropout, seed);
        return replay(once.toServer(), once.result().server().params(), length, new SplittableRandom(seed));
    }

    /** A session at one coordinate and every message its clients sent the server, in order. */
    record Recorded(ProtocolResult result, List<SecAggMessage> toServer) {}

    static Recorded record(SecAggConfig config, int n, double dropout, long seed) {
        if (config.security() != SecurityMode.SEMI_HONEST) {
            throw new IllegalArgumentException("the unmasking benchmark replays semi-honest sessions only");
        }
        List<SecAggMessage> toServer = new ArrayList<>();
        Channel recording = m -> {
            if (m.recipient() == SecAggMessage.SERVER) {
                toServer.add(m);
            }
            return List.of(m);
        };
        List<int[]> inputs = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            inputs.add(new int[1]);
        }
        DropoutSchedule d = DropoutSchedule.none().dropBefore(Round.MASKED_INPUT, dropped(n, dropout));
        ProtocolResult once = new SecureAggregator(recording, drbg()).aggregateIntegers(inputs, config, d, seed);
        return new Recorded(once, toServer);
    }

    /**
     * The generator the protocol's own default uses: a session at n = 1000 draws about 10^6 random values (Shamir
     * coefficients, nonces), each a file read with the platform's NativePRNG.
     */
    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** Clients dropping at fraction {@code dropout}, their ids spread evenly over 0..n-1. */
    static int[] dropped(int n, double dropout) {
        int[] dropped = new int[(int) Math.round(dropout * n)];
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = (int) ((long) i * n / dropped.length);
        }
        return dropped;
    }

    /** A fresh server fed {@code messages} in order, each round closed when the next round's first arrives. */
    static SecAggServer replay(List<SecAggMessage> messages, SessionParams p, int length, SplittableRandom random) {
        SessionParams atLength = new SessionParams(p.session(), length, p.modulusBits(), p.threshold(), p.graph());
        SecAggServer server = new SecAggServer(atLength, new MaskPrg());
        int mask = atLength.modulusMask();
        for (SecAggMessage m : messages) {
            while (m.round() != server.round()) {
                close(server);
            }
            if (m instanceof MaskedInput in) {
                int[] words = new int[length];
                for (int i = 0; i < length; i++) {
                    words[i] = random.nextInt() & mask;
                }
                m = new MaskedInput(in.session(), in.sender(), words, in.modulusBits());
            }
            server.accept(m);
        }
        if (server.round() != Round.UNMASKING) {
            throw new IllegalStateException("the recorded session ended in round " + server.round());
        }
        return server;
    }

    private static void close(SecAggServer server) {
        switch (server.round()) {
            case ADVERTISE_KEYS -> server.closeAdvertiseKeys();
            case SHARE_KEYS -> server.closeShareKeys();
            case MASKED_INPUT -> server.closeMaskedInput();
            default -> throw new IllegalStateException("a recorded message came after the unmasking round");
        }
    }
}
