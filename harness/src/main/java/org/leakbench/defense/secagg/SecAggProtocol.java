package org.leakbench.defense.secagg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.leakbench.defense.secagg.SecAggMessage.ForwardedShares;
import org.leakbench.defense.secagg.SecAggMessage.KeyList;
import org.leakbench.defense.secagg.SecAggMessage.SignatureList;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskRequest;

/**
 * Runs one session in-process: creates the clients and the server, passes every message through the
 * {@link Channel}, applies the {@link DropoutSchedule}, counts bytes and times each round. A rejected message
 * or a client that aborts is recorded and that client counts as dropped from then on; the run fails with
 * {@link SecAggException} only when fewer than t clients remain or a secret cannot be reconstructed. Given a
 * {@link Pki} it runs the active mode, with the consistency-check round.
 */
public final class SecAggProtocol {
    private final SessionParams params;
    private final Channel channel;
    private final SecureRandom random;
    private final MaskPrg prg = new MaskPrg();
    private final Pki pki;

    /** The semi-honest mode. */
    public SecAggProtocol(SessionParams params, Channel channel, SecureRandom random) {
        this(params, channel, random, null);
    }

    /** @param pki the test PKI for the active mode, or null for the semi-honest mode */
    public SecAggProtocol(SessionParams params, Channel channel, SecureRandom random, Pki pki) {
        this.params = params;
        this.channel = channel;
        this.random = random;
        this.pki = pki;
    }

    /** Aggregates {@code inputs.get(u)} for client u; elements are taken mod 2^b. */
    public ProtocolResult run(List<int[]> inputs, DropoutSchedule dropouts) {
        int n = params.clients();
        if (inputs.size() != n) {
            throw new IllegalArgumentException("expected " + n + " inputs (one per client), got " + inputs.size());
        }
        for (int u = 0; u < n; u++) {
            if (inputs.get(u).length != params.vectorLength()) {
                throw new IllegalArgumentException("input of client " + u + " has length " + inputs.get(u).length
                        + ", expected " + params.vectorLength());
            }
        }
        Run run = new Run(dropouts);
        Map<Integer, SecAggClient> clients = new TreeMap<>();
        for (int u = 0; u < n; u++) {
            clients.put(u, new SecAggClient(u, params, random, prg, pki));
        }
        SecAggServer server = new SecAggServer(params, prg, pki);

        long t0 = System.nanoTime();
        run.clientRound(clients, Round.ADVERTISE_KEYS, SecAggClient::advertiseKeys, server);
        run.deliver(server.closeAdvertiseKeys(), clients, Round.SHARE_KEYS, (c, m) -> c.receiveKeys((KeyList) m));
        long t1 = run.mark(Round.ADVERTISE_KEYS, t0);
        run.clientRound(clients, Round.SHARE_KEYS, SecAggClient::shareKeys, server);
        run.deliver(
                server.closeShareKeys(), clients, Round.MASKED_INPUT, (c, m) -> c.receiveShares((ForwardedShares) m));
        long t2 = run.mark(Round.SHARE_KEYS, t1);
        run.clientRound(clients, Round.MASKED_INPUT, c -> c.maskedInput(inputs.get(c.id())), server);
        List<UnmaskRequest> requests = server.closeMaskedInput();
        Round next = pki == null ? Round.UNMASKING : Round.CONSISTENCY_CHECK;
        Map<Integer, UnmaskRequest> requestOf = new TreeMap<>();
        run.deliver(requests, clients, next, (c, m) -> requestOf.put(c.id(), (UnmaskRequest) m));
        long t3 = run.mark(Round.MASKED_INPUT, t2);
        Map<Integer, SignatureList> signaturesOf = new TreeMap<>();
        if (pki != null) {
            run.clientRound(clients, Round.CONSISTENCY_CHECK, c -> c.signSurvivors(requested(requestOf, c)), server);
            run.deliver(
                    server.closeConsistencyCheck(),
                    clients,
                    Round.UNMASKING,
                    (c, m) -> signaturesOf.put(c.id(), (SignatureList) m));
            t3 = run.mark(Round.CONSISTENCY_CHECK, t3);
        }
        run.clientRound(
                clients,
                Round.UNMASKING,
                c -> {
                    if (pki == null) {
                        return c.unmask(requested(requestOf, c));
                    }
                    SignatureList list = signaturesOf.get(c.id());
                    if (list == null) {
                        throw new SecAggException(
                                "client " + c.id() + " received no signatures of the consistency check");
                    }
                    return c.unmask(list);
                },
                server);
        int[] sum;
        try {
            sum = server.closeUnmasking();
        } finally {
            run.rejections.addAll(server.problems());
        }
        run.mark(Round.UNMASKING, t3);
        return new ProtocolResult(
                sum, server.includedClients(), run.cost, run.nanos, List.copyOf(run.rejections), server);
    }

    private static UnmaskRequest requested(Map<Integer, UnmaskRequest> requestOf, SecAggClient c) {
        UnmaskRequest r = requestOf.get(c.id());
        if (r == null) {
            throw new SecAggException("client " + c.id() + " received no survivor set");
        }
        return r;
    }

    /** Per-run bookkeeping: who is still taking part, bytes, time, rejections. */
    private final class Run {
        final DropoutSchedule dropouts;
        final boolean[] out = new boolean[params.clients()];
        final CostLedger cost = new CostLedger(params.clients());
        final EnumMap<Round, Long> nanos = new EnumMap<>(Round.class);
        final List<String> rejections = new ArrayList<>();

        Run(DropoutSchedule dropouts) {
            this.dropouts = dropouts;
        }

        boolean active(int u, Round round) {
            return !out[u] && dropouts.online(u, round);
        }

        long mark(Round round, long start) {
            long now = System.nanoTime();
            nanos.put(round, now - start);
            return now;
        }

        void clientRound(
                Map<Integer, SecAggClient> clients,
                Round round,
                Function<SecAggClient, SecAggMessage> step,
                SecAggServer server) {
            for (SecAggClient c : clients.values()) {
                if (!active(c.id(), round)) {
                    continue;
                }
                SecAggMessage m;
                try {
                    m = step.apply(c);
                } catch (SecAggException | MessageRejectedException | IllegalStateException e) {
                    rejections.add(e.getMessage());
                    out[c.id()] = true;
                    continue;
                }
                cost.recordSent(c.id(), round, m.wireBytes());
                for (SecAggMessage delivered : channel.transmit(m)) {
                    try {
                        server.accept(delivered);
                    } catch (MessageRejectedException e) {
                        rejections.add(e.getMessage());
                    }
                }
            }
        }

        void deliver(
                List<? extends SecAggMessage> messages,
                Map<Integer, SecAggClient> clients,
                Round next,
                ClientReceiver receiver) {
            for (SecAggMessage m : messages) {
                for (SecAggMessage delivered : channel.transmit(m)) {
                    SecAggClient c = clients.get(delivered.recipient());
                    if (c == null) {
                        rejections.add("server message for unknown client " + delivered.recipient() + " dropped");
                        continue;
                    }
                    if (!active(c.id(), next)) {
                        continue;
                    }
                    cost.recordReceived(c.id(), delivered.round(), delivered.wireBytes());
                    try {
                        receiver.receive(c, delivered);
                    } catch (SecAggException | MessageRejectedException e) {
                        rejections.add(e.getMessage());
                        out[c.id()] = true;
                    }
                }
            }
            for (SecAggClient c : clients.values()) {
                c.problems().stream().filter(p -> !rejections.contains(p)).forEach(rejections::add);
            }
        }
    }

    @FunctionalInterface
    private interface ClientReceiver {
        void receive(SecAggClient client, SecAggMessage message);
    }
}
