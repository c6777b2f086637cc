package org.leakbench.defense.secagg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.leakbench.defense.secagg.SecAggMessage.AdvertiseKeys;
import org.leakbench.defense.secagg.SecAggMessage.ForwardedShares;
import org.leakbench.defense.secagg.SecAggMessage.KeyList;
import org.leakbench.defense.secagg.SecAggMessage.MaskedInput;
import org.leakbench.defense.secagg.SecAggMessage.ShareKeys;
import org.leakbench.defense.secagg.SecAggMessage.SignatureList;
import org.leakbench.defense.secagg.SecAggMessage.SurvivorSignature;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskRequest;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskResponse;

/**
 * The server of the protocol (Bonawitz et al., CCS 2017), honest but curious. {@link #accept} checks every
 * incoming message (session, round, known and not yet heard sender, lengths) and throws
 * {@link MessageRejectedException} without changing state if it is bad. The {@code close...} methods end a
 * round, throw {@link SecAggException} if fewer than t clients took part, and return the messages to send.
 * U1..U3 below are the sets of clients heard from in rounds 0..2; in the active mode (given a {@link Pki}) the
 * server also checks the advertisement signatures and runs the consistency check
 * ({@link #closeConsistencyCheck}) between the masked inputs and the unmasking.
 */
public final class SecAggServer {
    private final SessionParams params;
    private final MaskPrg prg;
    private Round round = Round.ADVERTISE_KEYS;
    private final Map<Integer, AdvertiseKeys> u1 = new TreeMap<>();
    private final Map<Integer, ShareKeys> u2 = new TreeMap<>();
    private final Map<Integer, int[]> u3 = new TreeMap<>();
    private final Map<Integer, UnmaskResponse> u4 = new TreeMap<>();
    private final Map<Integer, byte[]> survivorSignatures = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    /** Null in the semi-honest mode. */
    private final Pki pki;

    private int[] announcedSurvivors;
    private UnmaskWork lastWork = new UnmaskWork(0, 0, 0, 0);
    /** Agreements spent checking reconstructed mask keys in the current unmasking. */
    private long checkAgreements;

    /** A semi-honest server. */
    public SecAggServer(SessionParams params, MaskPrg prg) {
        this(params, prg, null);
    }

    /** @param pki the registered client verification keys for the active mode, or null for the semi-honest mode */
    public SecAggServer(SessionParams params, MaskPrg prg, Pki pki) {
        this.params = params;
        this.prg = prg;
        this.pki = pki;
    }

    /** The session's public parameters. */
    public SessionParams params() {
        return params;
    }

    /** The round whose messages the server currently accepts. */
    public Round round() {
        return round;
    }

    /** Validates and stores one client message. */
    public void accept(SecAggMessage m) {
        int s = m.sender();
        if (m.session() != params.session()) {
            throw reject(m, "belongs to session " + m.session() + ", not " + params.session() + " (replayed?)");
        }
        if (m.recipient() != SecAggMessage.SERVER) {
            throw reject(m, "is addressed to client " + m.recipient() + ", not the server");
        }
        if (s < 0 || s >= params.clients()) {
            throw reject(m, "unknown client id " + s + " (clients are 0.." + (params.clients() - 1) + ")");
        }
        if (m.round() != round) {
            throw reject(
                    m, "is a " + m.round() + " message but the server is in round " + round + " (replayed or late)");
        }
        if (m instanceof AdvertiseKeys k) {
            checkFresh(m, u1);
            if (k.encryptionKey().length != X25519.KEY_BYTES || k.maskKey().length != X25519.KEY_BYTES) {
                throw reject(
                        m,
                        "public keys must be " + X25519.KEY_BYTES + " bytes, got " + k.encryptionKey().length + " and "
                                + k.maskKey().length);
            }
            if (pki != null
                    && !pki.verify(
                            s,
                            SignedStatements.advertisement(params.session(), s, k.encryptionKey(), k.maskKey()),
                            k.signature())) {
                throw reject(
                        m,
                        "signature does not verify against the registered key of client " + s
                                + " (forged advertisement)");
            }
            u1.put(s, k);
        } else if (m instanceof ShareKeys sk) {
            checkFresh(m, u2);
            checkMember(m, u1, "did not advertise keys");
            int[] expected = neighboursIn(s, u1);
            int[] got = sk.ciphertexts().keySet().stream()
                    .mapToInt(Integer::intValue)
                    .toArray();
            if (!Arrays.equals(expected, got)) {
                throw reject(
                        m,
                        "must hold one ciphertext for each neighbour that advertised keys " + Arrays.toString(expected)
                                + ", got " + Arrays.toString(got));
            }
            if (sk.seedCommitment().length != SelfMaskCommitment.BYTES) {
                throw reject(
                        m,
                        "self-mask seed commitment has " + sk.seedCommitment().length + " bytes, expected "
                                + SelfMaskCommitment.BYTES);
            }
            for (byte[] c : sk.ciphertexts().values()) {
                if (c.length != SecAggClient.CIPHERTEXT_BYTES) {
                    throw reject(
                            m, "encrypted share has " + c.length + " bytes, expected " + SecAggClient.CIPHERTEXT_BYTES);
                }
            }
            u2.put(s, sk);
        } else if (m instanceof MaskedInput in) {
            checkFresh(m, u3);
            checkMember(m, u2, "did not share keys");
            if (in.masked().length != params.vectorLength() || in.modulusBits() != params.modulusBits()) {
                throw reject(
                        m,
                        "masked input has " + in.masked().length + " elements of " + in.modulusBits()
                                + " bits, expected " + params.vectorLength() + " of " + params.modulusBits());
            }
            int mask = params.modulusMask();
            for (int v : in.masked()) {
                if ((v & ~mask) != 0) {
                    throw reject(m, "masked input has an element outside [0, 2^" + params.modulusBits() + ")");
                }
            }
            u3.put(s, in.masked());
        } else if (m instanceof SurvivorSignature sig) {
            checkFresh(m, survivorSignatures);
            checkMember(m, u3, "did not send a masked input");
            if (!pki.verify(s, SignedStatements.survivors(params.session(), announcedSurvivors), sig.signature())) {
                throw reject(m, "signature does not verify on the survivor set the server sent");
            }
            survivorSignatures.put(s, sig.signature());
        } else if (m instanceof UnmaskResponse r) {
            checkFresh(m, u4);
            checkMember(m, u3, "did not send a masked input");
            if (pki != null) {
                checkMember(m, survivorSignatures, "did not sign the survivor set");
            }
            checkShares(m, r.selfMaskShares(), true);
            checkShares(m, r.maskKeyShares(), false);
            u4.put(s, r);
        } else {
            throw reject(m, "is a server message");
        }
    }

    /** End of round 0: send each client its neighbours' keys. */
    public List<KeyList> closeAdvertiseKeys() {
        enough(u1.size(), "advertised keys");
        List<KeyList> out = new ArrayList<>();
        for (int u : u1.keySet()) {
            Map<Integer, AdvertiseKeys> keys = new TreeMap<>();
            for (int v : neighboursIn(u, u1)) {
                keys.put(v, u1.get(v));
            }
            out.add(new KeyList(params.session(), u, keys));
        }
        round = Round.SHARE_KEYS;
        return out;
    }

    /** End of round 1: forward to each client the ciphertexts addressed to it. */
    public List<ForwardedShares> closeShareKeys() {
        enough(u2.size(), "shared keys");
        List<ForwardedShares> out = new ArrayList<>();
        for (int u : u2.keySet()) {
            Map<Integer, byte[]> mine = new TreeMap<>();
            for (int v : neighboursIn(u, u2)) {
                mine.put(v, u2.get(v).ciphertexts().get(u));
            }
            out.add(new ForwardedShares(params.session(), u, mine));
        }
        round = Round.MASKED_INPUT;
        return out;
    }

    /** End of round 2: tell each survivor who survived (in the active mode, the start of the consistency check). */
    public List<UnmaskRequest> closeMaskedInput() {
        enough(u3.size(), "sent masked inputs");
        int[] survivors = u3.keySet().stream().mapToInt(Integer::intValue).toArray();
        announcedSurvivors = survivors.clone();
        List<UnmaskRequest> out = new ArrayList<>();
        for (int u : survivors) {
            out.add(new UnmaskRequest(params.session(), u, survivors.clone()));
        }
        round = pki == null ? Round.UNMASKING : Round.CONSISTENCY_CHECK;
        return out;
    }

    /**
     * End of the consistency check (active mode): send each client that signed the survivor set the signatures
     * of its own neighbourhood's signers, itself included.
     */
    public List<SignatureList> closeConsistencyCheck() {
        if (round != Round.CONSISTENCY_CHECK) {
            throw new IllegalStateException("the consistency check runs only in the active mode, after round 2");
        }
        enough(survivorSignatures.size(), "signed the survivor set");
        List<SignatureList> out = new ArrayList<>();
        for (int u : survivorSignatures.keySet()) {
            Map<Integer, byte[]> mine = new TreeMap<>();
            survivorSignatures.forEach((v, sig) -> {
                if (v == u || params.graph().adjacent(u, v)) {
                    mine.put(v, sig);
                }
            });
            out.add(new SignatureList(params.session(), u, mine));
        }
        round = Round.UNMASKING;
        return out;
    }

    /**
     * End of round 3: reconstruct the survivors' self-mask seeds and the dropped clients' mask keys from t
     * shares each, and return the sum of the survivors' inputs mod 2^b.
     */
    public int[] closeUnmasking() {
        enough(u4.size(), "sent unmasking shares");
        int[] sum = new int[params.vectorLength()];
        for (int[] y : u3.values()) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += y[i];
            }
        }
        Shamir shamir = new Shamir(params.threshold());
        checkAgreements = 0;
        long agreements = 0;
        long masks = 0;
        Map<Integer, List<SentShare>> selfMaskShares = sharesByOwner(true);
        Map<Integer, List<SentShare>> maskKeyShares = sharesByOwner(false);
        for (int u : u3.keySet()) {
            byte[] commitment = u2.get(u).seedCommitment();
            byte[] seed = checked(
                    shamir,
                    u,
                    true,
                    selfMaskShares.getOrDefault(u, List.of()),
                    MaskPrg.SEED_BYTES,
                    b -> SelfMaskCommitment.matches(commitment, params.session(), u, b),
                    "do not match its commitment from round 1");
            prg.addMask(seed, sum, -1);
            masks++;
        }
        for (int u : u2.keySet()) {
            if (u3.containsKey(u)) {
                continue;
            }
            byte[] scalar = checked(
                    shamir,
                    u,
                    false,
                    maskKeyShares.getOrDefault(u, List.of()),
                    X25519.KEY_BYTES,
                    k -> matchesMaskKey(u, k),
                    "do not give its advertised public key");
            X25519.Agreement agreement = X25519.agreement(scalar);
            for (int v : params.graph().neighbours(u)) {
                if (u3.containsKey(v)) {
                    byte[] shared = agreement.agree(u1.get(v).maskKey());
                    // v added PRG(s_vu) if v > u and subtracted it otherwise; undo that.
                    prg.addMask(MaskPrg.pairwiseSeed(shared, params.session()), sum, v > u ? -1 : 1);
                    agreements++;
                    masks++;
                }
            }
        }
        lastWork = new UnmaskWork(shamir.reconstructions(), shamir.lagrangeSets(), agreements + checkAgreements, masks);
        int mask = params.modulusMask();
        for (int i = 0; i < sum.length; i++) {
            sum[i] &= mask;
        }
        return sum;
    }

    /** What the last {@link #closeUnmasking()} did, counted (all zero before the first). */
    public UnmaskWork lastUnmaskWork() {
        return lastWork;
    }

    /** Ids whose inputs are in the sum (U3), sorted. */
    public int[] includedClients() {
        return u3.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    /** The masked input of one client exactly as the server received it, or null if none arrived. */
    public int[] maskedInput(int client) {
        int[] y = u3.get(client);
        return y == null ? null : y.clone();
    }

    /** A share as a U4 message carried it: its sender's evaluation point and the encoded value. */
    private record SentShare(int x, byte[] value) {
        Shamir.Share decode() {
            return Shamir.Share.decode(x, value);
        }
    }

    /**
     * Every owner's shares of one kind from the U4 messages, in the order of their senders, in one pass over
     * the messages: looking each owner's shares up in every message took most of the unmasking time at
     * n = 300 (n^2 map look-ups and share decodings, against n reconstructions that need t shares each).
     */
    private Map<Integer, List<SentShare>> sharesByOwner(boolean selfMask) {
        Map<Integer, List<SentShare>> byOwner = new HashMap<>();
        for (UnmaskResponse r : u4.values()) {
            for (Map.Entry<Integer, byte[]> e : (selfMask ? r.selfMaskShares() : r.maskKeyShares()).entrySet()) {
                byOwner.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(new SentShare(r.sender() + 1, e.getValue()));
            }
        }
        return byOwner;
    }

    private static List<Shamir.Share> decode(List<SentShare> sent, int count) {
        List<Shamir.Share> shares = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            shares.add(sent.get(i).decode());
        }
        return shares;
    }

    /**
     * Reconstructs a secret of {@code owner} from {@code sent} and checks it; a share that disagrees with the
     * checked secret is left out and its sender named in {@link #problems()}. Fails if no t shares give a secret
     * that passes. The first t shares are tried alone first: only when they fail are all shares decoded and
     * searched for a valid t-subset, which is what reconstructing from all of them would do.
     */
    private byte[] checked(
            Shamir shamir,
            int owner,
            boolean selfMask,
            List<SentShare> sent,
            int length,
            Predicate<byte[]> valid,
            String mismatch) {
        String what = (selfMask ? "self-mask seed" : "mask secret key") + " of client " + owner;
        int t = params.threshold();
        if (sent.size() < t) {
            throw new SecAggException("cannot unmask: only " + sent.size() + " shares of the "
                    + (selfMask ? "self-mask seed" : "mask secret key") + " of client " + owner
                    + " arrived, fewer than the threshold " + t + "; no partial sum is released");
        }
        CheckedReconstruction.Result r = CheckedReconstruction.reconstruct(shamir, decode(sent, t), length, valid);
        if (r == null && sent.size() > t) {
            r = CheckedReconstruction.reconstruct(shamir, decode(sent, sent.size()), length, valid);
        }
        if (r == null) {
            String spare = sent.size() > t
                    ? ", nor do any t = " + t + " of them with one or two left out"
                    : ", and with only t = " + t + " shares none can be left out";
            throw new SecAggException("cannot unmask: the " + sent.size() + " shares of the " + what + " " + mismatch
                    + spare + "; no sum is released");
        }
        for (int x : r.badShares()) {
            problems.add("server left out the share of the " + what + " sent by client " + (x - 1)
                    + ": it disagrees with the shares that "
                    + (selfMask ? "match the commitment" : "give the public key"));
        }
        return r.secret();
    }

    /** X25519(sk, 9) is the public key: a wrong share would give a different one. */
    private boolean matchesMaskKey(int u, byte[] scalar) {
        checkAgreements++;
        try {
            return Arrays.equals(X25519.publicKey(scalar), u1.get(u).maskKey());
        } catch (SecAggException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Shares the server left out during reconstruction, naming their senders. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private void checkShares(SecAggMessage m, Map<Integer, byte[]> shares, boolean selfMask) {
        for (Map.Entry<Integer, byte[]> e : shares.entrySet()) {
            int owner = e.getKey();
            boolean survived = u3.containsKey(owner);
            if (!u2.containsKey(owner) || survived != selfMask) {
                throw reject(
                        m,
                        "sends a share of the " + (selfMask ? "self-mask seed" : "mask secret key") + " of client "
                                + owner + ", which " + (survived ? "survived" : "dropped"));
            }
            if (owner != m.sender() && !params.graph().adjacent(owner, m.sender())) {
                throw reject(m, "sends a share of client " + owner + ", which is not its neighbour");
            }
            if (e.getValue().length != Shamir.SHARE_BYTES) {
                throw reject(
                        m,
                        "share of client " + owner + " has " + e.getValue().length + " bytes, expected "
                                + Shamir.SHARE_BYTES);
            }
            if (new java.math.BigInteger(1, e.getValue()).compareTo(Shamir.PRIME) >= 0) {
                throw reject(m, "share of client " + owner + " is not an element of the field");
            }
        }
    }

    private int[] neighboursIn(int u, Map<Integer, ?> set) {
        return Arrays.stream(params.graph().neighbours(u))
                .filter(set::containsKey)
                .toArray();
    }

    private void enough(int count, String what) {
        if (count < params.threshold()) {
            throw new SecAggException("only " + count + " clients " + what + " in round " + round
                    + ", fewer than the threshold t = " + params.threshold() + "; no sum is released");
        }
    }

    private static void checkFresh(SecAggMessage m, Map<Integer, ?> seen) {
        if (seen.containsKey(m.sender())) {
            throw reject(m, "duplicates an earlier message from client " + m.sender() + " in this round");
        }
    }

    private static void checkMember(SecAggMessage m, Map<Integer, ?> set, String reason) {
        if (!set.containsKey(m.sender())) {
            throw reject(m, "comes from client " + m.sender() + ", which " + reason);
        }
    }

    private static MessageRejectedException reject(SecAggMessage m, String reason) {
        return new MessageRejectedException(m.sender(), m.round(), m.getClass().getSimpleName() + " " + reason);
    }
}
