package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leakbench.defense.secagg.SecAggConfig.Mode;
import org.leakbench.defense.secagg.SecAggMessage.AdvertiseKeys;
import org.leakbench.defense.secagg.SecAggMessage.KeyList;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskRequest;

/**
 * The active mode (Bonawitz et al., CCS 2017): signed key advertisements checked against a PKI and the
 * consistency check on the survivor set. Honest runs sum exactly with dropouts in every round; forgeries,
 * key substitution by the server and inconsistent survivor sets are caught.
 */
class SecAggActiveTest {
    private static SecAggConfig active(Mode mode) {
        return SecAggConfig.defaults(mode).withSecurity(SecurityMode.ACTIVE);
    }

    private static ProtocolResult run(Channel channel, SecAggConfig cfg, List<int[]> inputs, DropoutSchedule d) {
        return new SecureAggregator(channel, SecAggProtocolTest.RANDOM).aggregateIntegers(inputs, cfg, d, 4);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void honestRunWithDropoutsInEveryRoundSumsExactly(Mode mode) {
        int n = 14;
        List<int[]> x = SecAggProtocolTest.inputs(n, 40, 11);
        DropoutSchedule d = DropoutSchedule.none()
                .dropBefore(Round.SHARE_KEYS, 3)
                .dropBefore(Round.MASKED_INPUT, 5)
                .dropBefore(Round.CONSISTENCY_CHECK, 8)
                .dropBefore(Round.UNMASKING, 11);
        ProtocolResult r = run(Channel.DIRECT, active(mode), x, d);
        // clients 8 and 11 sent masked inputs before dropping, so their inputs are in the sum
        int[] included = {0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13};
        assertArrayEquals(included, r.included());
        assertArrayEquals(SecAggProtocolTest.plainSum(x, included, 32), r.sum());
        assertTrue(r.rejections().isEmpty(), r.rejections().toString());
        assertTrue(r.roundNanos().containsKey(Round.CONSISTENCY_CHECK));
    }

    @Test
    void activeCostMatchesTheModelAndExceedsSemiHonest() {
        int n = 9;
        List<int[]> x = SecAggProtocolTest.inputs(n, 100, 2);
        ProtocolResult r = run(Channel.DIRECT, active(Mode.SECAGG), x, DropoutSchedule.none());
        CommunicationModel model = new CommunicationModel(n, n - 1, 100, 32, SecurityMode.ACTIVE);
        CommunicationModel plain = new CommunicationModel(n, n - 1, 100, 32);
        for (int u = 0; u < n; u++) {
            assertEquals(model.sentBytes(), r.cost().sentBytes(u), "sent by client " + u);
            assertEquals(model.receivedBytes(), r.cost().receivedBytes(u), "received by client " + u);
        }
        // one signature per advertisement and per survivor-set signature, plus one header for the latter
        assertEquals(plain.sentBytes() + 2 * Ed25519.SIGNATURE_BYTES + SecAggMessage.HEADER_BYTES, model.sentBytes());
        assertEquals(
                SecAggMessage.HEADER_BYTES + Ed25519.SIGNATURE_BYTES, r.cost().sentBytes(0, Round.CONSISTENCY_CHECK));
    }

    @Test
    void forgedAdvertisementIsRejected() {
        int n = 6;
        List<int[]> x = SecAggProtocolTest.inputs(n, 8, 3);
        KeyPair impostor = Ed25519.generate(SecAggProtocolTest.RANDOM);
        // someone without client 2's signing key advertises keys in its name
        Channel forge = m -> m instanceof AdvertiseKeys k && k.sender() == 2
                ? List.of(new AdvertiseKeys(
                        k.session(),
                        2,
                        k.encryptionKey(),
                        k.maskKey(),
                        Ed25519.sign(
                                impostor.getPrivate(),
                                SignedStatements.advertisement(k.session(), 2, k.encryptionKey(), k.maskKey()))))
                : List.of(m);
        ProtocolResult r = run(forge, active(Mode.SECAGG), x, DropoutSchedule.none());
        assertTrue(
                r.rejections().stream().anyMatch(s -> s.contains("forged advertisement")),
                r.rejections().toString());
        int[] rest = {0, 1, 3, 4, 5};
        assertArrayEquals(rest, r.included());
        assertArrayEquals(SecAggProtocolTest.plainSum(x, rest, 32), r.sum());
    }

    /** The server swaps client 1's keys in the list it sends to client 0 for keys of its own. */
    private static Channel substituteKeys() {
        return m -> {
            if (m instanceof KeyList list && list.recipient() == 0) {
                Map<Integer, AdvertiseKeys> keys = new TreeMap<>(list.keys());
                AdvertiseKeys real = keys.get(1);
                byte[] c = X25519.publicKey(X25519.generatePrivate(SecAggProtocolTest.RANDOM));
                byte[] s = X25519.publicKey(X25519.generatePrivate(SecAggProtocolTest.RANDOM));
                keys.put(1, new AdvertiseKeys(real.session(), 1, c, s, real.signature()));
                return List.of(new KeyList(list.session(), 0, keys));
            }
            return List.of(m);
        };
    }

    @Test
    void keySubstitutionByTheServerIsDetected() {
        int n = 6;
        List<int[]> x = SecAggProtocolTest.inputs(n, 8, 3);
        ProtocolResult r = run(substituteKeys(), active(Mode.SECAGG), x, DropoutSchedule.none());
        assertTrue(
                r.rejections().stream()
                        .anyMatch(s -> s.contains("client 0 aborts")
                                && s.contains("keys of client 1")
                                && s.contains("substituted")),
                r.rejections().toString());
        assertFalse(java.util.Arrays.stream(r.included()).anyMatch(u -> u == 0));
    }

    @Test
    void semiHonestModeDoesNotNoticeKeySubstitution() {
        // without signatures client 0 accepts the server's keys for client 1 and encrypts its shares to them
        ProtocolResult r = run(
                substituteKeys(),
                SecAggConfig.defaults(Mode.SECAGG),
                SecAggProtocolTest.inputs(6, 8, 3),
                DropoutSchedule.none());
        assertTrue(
                r.rejections().stream().noneMatch(s -> s.contains("aborts")),
                r.rejections().toString());
    }

    @Test
    void inconsistentSurvivorSetsAbortBeforeAnyShareLeaves() {
        int n = 6;
        List<int[]> x = SecAggProtocolTest.inputs(n, 8, 3);
        List<Integer> unmaskers = new java.util.ArrayList<>();
        Map<Integer, byte[]> signatures = new TreeMap<>();
        // the server tells clients 3 and 4 that client 5 dropped and the others that everyone survived, then
        // forwards every signature it got, hoping each side unmasks on its own view
        Channel split = m -> {
            if (m instanceof UnmaskRequest q && (q.recipient() == 3 || q.recipient() == 4)) {
                return List.of(new UnmaskRequest(q.session(), q.recipient(), new int[] {0, 1, 2, 3, 4}));
            }
            if (m instanceof SecAggMessage.SurvivorSignature sig) {
                signatures.put(sig.sender(), sig.signature());
            }
            if (m instanceof SecAggMessage.SignatureList list) {
                return List.of(
                        new SecAggMessage.SignatureList(list.session(), list.recipient(), new TreeMap<>(signatures)));
            }
            if (m instanceof SecAggMessage.UnmaskResponse resp) {
                unmaskers.add(resp.sender());
            }
            return List.of(m);
        };
        SecAggException e =
                assertThrows(SecAggException.class, () -> run(split, active(Mode.SECAGG), x, DropoutSchedule.none()));
        assertTrue(e.getMessage().contains("no sum is released"), e.getMessage());
        assertTrue(unmaskers.isEmpty(), "clients " + unmaskers + " sent shares");
    }

    @Test
    void clientRefusesWithFewerThanThresholdSignaturesOrWithoutTheConsistencyCheck() {
        Pki pki = Pki.generate(4, SecAggProtocolTest.RANDOM);
        ActiveSession s = new ActiveSession(pki);
        SecAggClient c = s.clients.get(0);
        int[] all = {0, 1, 2, 3};
        byte[] own = c.signSurvivors(new UnmaskRequest(HandDrivenSession.SESSION, 0, all))
                .signature();
        SecAggException few = assertThrows(
                SecAggException.class,
                () -> c.unmask(new SecAggMessage.SignatureList(HandDrivenSession.SESSION, 0, Map.of(0, own))));
        assertTrue(few.getMessage().contains("fewer than the threshold"), few.getMessage());
        SecAggException bypass = assertThrows(
                SecAggException.class, () -> c.unmask(new UnmaskRequest(HandDrivenSession.SESSION, 0, all)));
        assertTrue(bypass.getMessage().contains("consistency check"), bypass.getMessage());
        Map<Integer, byte[]> sigs = new TreeMap<>();
        sigs.put(0, own);
        // a signature of client 1 on another survivor set
        Map<Integer, byte[]> other = new TreeMap<>(sigs);
        other.put(1, Ed25519.sign(pki.signingKey(1), SignedStatements.survivors(HandDrivenSession.SESSION, new int[] {
            0, 1, 2
        })));
        SecAggException inconsistent = assertThrows(
                SecAggException.class,
                () -> c.unmask(new SecAggMessage.SignatureList(HandDrivenSession.SESSION, 0, other)));
        assertTrue(inconsistent.getMessage().contains("client 1 does not verify"), inconsistent.getMessage());
        for (int u = 1; u < 4; u++) {
            sigs.put(
                    u,
                    s.clients
                            .get(u)
                            .signSurvivors(new UnmaskRequest(HandDrivenSession.SESSION, u, all))
                            .signature());
        }
        assertEquals(
                4,
                c.unmask(new SecAggMessage.SignatureList(HandDrivenSession.SESSION, 0, sigs))
                        .selfMaskShares()
                        .size());
    }

    /** Four active clients, t = 3, driven by hand with an honest active server up to the survivor set. */
    private static final class ActiveSession {
        final List<SecAggClient> clients = new java.util.ArrayList<>();

        ActiveSession(Pki pki) {
            SessionParams p = new SessionParams(HandDrivenSession.SESSION, 4, 32, 3, NeighbourGraph.complete(4));
            MaskPrg prg = new MaskPrg();
            SecAggServer server = new SecAggServer(p, prg, pki);
            for (int u = 0; u < 4; u++) {
                clients.add(new SecAggClient(u, p, SecAggProtocolTest.RANDOM, prg, pki));
                server.accept(clients.get(u).advertiseKeys());
            }
            server.closeAdvertiseKeys().forEach(k -> clients.get(k.recipient()).receiveKeys(k));
            clients.forEach(c -> server.accept(c.shareKeys()));
            server.closeShareKeys().forEach(f -> clients.get(f.recipient()).receiveShares(f));
            clients.forEach(c -> server.accept(c.maskedInput(new int[4])));
            server.closeMaskedInput();
        }
    }
}
