package org.leakbench.defense.secagg;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * One honest client of the protocol (Bonawitz et al., CCS 2017, Figure 4). Its methods are called in round
 * order; each checks what it receives and throws {@link MessageRejectedException} for a bad message or
 * {@link SecAggException} when it must abort. Pairwise-mask sign convention: client u adds PRG(s_uv) when
 * u > v and subtracts it when u < v, so the two cancel in the sum. Given a {@link Pki} the client runs the
 * active mode: it signs its key advertisement, verifies its peers', and unmasks only after the consistency
 * check ({@link #signSurvivors}, then {@link #unmask(SignatureList)}).
 */
public final class SecAggClient {
    private static final int PLAINTEXT_BYTES = 8 + 2 * Shamir.SHARE_BYTES;
    /** Length of one encrypted share pair on the wire. */
    public static final int CIPHERTEXT_BYTES = ShareCipher.ciphertextLength(PLAINTEXT_BYTES);

    private final int id;
    private final SessionParams params;
    private final SecureRandom random;
    private final MaskPrg prg;
    private final Shamir shamir;
    /** Private scalars and encoded public keys of this session's two X25519 key pairs. */
    private byte[] encryptionScalar;

    private byte[] encryptionPublic;
    private byte[] maskScalar;
    private byte[] maskPublic;
    /** The encryption key's agreement, set up once for all neighbours. */
    private X25519.Agreement encryptionAgreement;

    private Map<Integer, AdvertiseKeys> peerKeys;
    private final Map<Integer, byte[]> channelKeys = new HashMap<>();
    private byte[] selfMaskSeed;
    /** Shares this client holds, per owner: [0] of the self-mask seed, [1] of the mask secret key. */
    private final Map<Integer, byte[][]> heldShares = new TreeMap<>();

    private TreeSet<Integer> sharedKeys;
    private final Map<Integer, Boolean> revealedSelfMaskShare = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** Null in the semi-honest mode. */
    private final Pki pki;

    private final PrivateKey signingKey;
    /** The survivor set this client signed in the consistency check (active mode), sorted. */
    private int[] signedSurvivors;

    private SortedSet<Integer> signedRealSurvivors;

    /** A semi-honest client. */
    public SecAggClient(int id, SessionParams params, SecureRandom random, MaskPrg prg) {
        this(id, params, random, prg, null);
    }

    /**
     * @param prg a mask generator this client may use (not thread-safe; clients may share one per thread)
     * @param pki the registered verification keys and this client's signing key for the active mode; null for
     *            the semi-honest mode
     */
    public SecAggClient(int id, SessionParams params, SecureRandom random, MaskPrg prg, Pki pki) {
        if (id < 0 || id >= params.clients()) {
            throw new IllegalArgumentException("client id must be in [0, " + params.clients() + "), got " + id);
        }
        this.id = id;
        this.params = params;
        this.random = random;
        this.prg = prg;
        this.shamir = new Shamir(params.threshold());
        if (pki != null && pki.clients() != params.clients()) {
            throw new IllegalArgumentException(
                    "the PKI registers " + pki.clients() + " clients, the session has " + params.clients());
        }
        this.pki = pki;
        this.signingKey = pki == null ? null : pki.signingKey(id);
    }

    public int id() {
        return id;
    }

    /** Problems this client met with peers' messages (e.g. shares that failed authentication). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Round 0: two fresh X25519 key pairs, one to encrypt shares, one for the pairwise masks; signed if active. */
    public AdvertiseKeys advertiseKeys() {
        encryptionScalar = X25519.generatePrivate(random);
        maskScalar = X25519.generatePrivate(random);
        encryptionPublic = X25519.publicKey(encryptionScalar);
        maskPublic = X25519.publicKey(maskScalar);
        byte[] c = encryptionPublic;
        byte[] s = maskPublic;
        byte[] signature = pki == null
                ? new byte[0]
                : Ed25519.sign(signingKey, SignedStatements.advertisement(params.session(), id, c, s));
        return new AdvertiseKeys(params.session(), id, c, s, signature);
    }

    /** End of round 0: the server's list of the neighbours' keys. */
    public void receiveKeys(KeyList list) {
        checkAddressed(list);
        Map<Integer, AdvertiseKeys> keys = new TreeMap<>();
        TreeSet<String> distinct = new TreeSet<>();
        distinct.add(Arrays.toString(encryptionPublic));
        distinct.add(Arrays.toString(maskPublic));
        for (Map.Entry<Integer, AdvertiseKeys> e : list.keys().entrySet()) {
            int v = e.getKey();
            AdvertiseKeys k = e.getValue();
            if (!params.graph().adjacent(id, v) || k.sender() != v) {
                throw new MessageRejectedException(
                        SecAggMessage.SERVER,
                        Round.ADVERTISE_KEYS,
                        "key list for client " + id + " has an entry for " + v + " which is not its neighbour");
            }
            if (pki != null
                    && !pki.verify(
                            v,
                            SignedStatements.advertisement(params.session(), v, k.encryptionKey(), k.maskKey()),
                            k.signature())) {
                throw new SecAggException("client " + id + " aborts: the signature on the keys of client " + v
                        + " in the server's key list does not verify against its registered key (forged or "
                        + "substituted keys)");
            }
            // Bonawitz et al. require all advertised keys to be distinct.
            if (!distinct.add(Arrays.toString(k.encryptionKey())) || !distinct.add(Arrays.toString(k.maskKey()))) {
                throw new MessageRejectedException(
                        SecAggMessage.SERVER,
                        Round.ADVERTISE_KEYS,
                        "key list for client " + id + " repeats a public key (entry of client " + v + ")");
            }
            keys.put(v, k);
        }
        if (keys.size() + 1 < params.threshold()) {
            throw new SecAggException("client " + id + " aborts: only " + (keys.size() + 1)
                    + " clients in its neighbourhood advertised keys, fewer than the threshold " + params.threshold());
        }
        peerKeys = keys;
    }

    /** Round 1: Shamir-share the self-mask seed and the mask secret key among the neighbours, encrypted. */
    public ShareKeys shareKeys() {
        if (peerKeys == null) {
            throw new IllegalStateException("client " + id + " has no key list yet");
        }
        selfMaskSeed = new byte[MaskPrg.SEED_BYTES];
        random.nextBytes(selfMaskSeed);
        int[] holders = new int[peerKeys.size() + 1];
        int k = 0;
        for (int v : peerKeys.keySet()) {
            holders[k++] = v;
        }
        holders[k] = id;
        int[] xs = Arrays.stream(holders).map(h -> h + 1).toArray();
        Shamir.Share[] seedShares = shamir.split(selfMaskSeed, xs, random);
        Shamir.Share[] keyShares = shamir.split(maskScalar, xs, random);
        Map<Integer, byte[]> ciphertexts = new TreeMap<>();
        for (int i = 0; i < holders.length; i++) {
            int v = holders[i];
            byte[] seedShare = seedShares[i].encodeValue();
            byte[] keyShare = keyShares[i].encodeValue();
            if (v == id) {
                heldShares.put(id, new byte[][] {seedShare, keyShare});
                continue;
            }
            byte[] plaintext = ByteBuffer.allocate(PLAINTEXT_BYTES)
                    .putInt(id)
                    .putInt(v)
                    .put(seedShare)
                    .put(keyShare)
                    .array();
            ciphertexts.put(
                    v,
                    ShareCipher.encrypt(channelKey(v), plaintext, params.session(), id, v, Round.SHARE_KEYS, random));
        }
        return new ShareKeys(
                params.session(), id, ciphertexts, SelfMaskCommitment.of(params.session(), id, selfMaskSeed));
    }

    /** End of round 1: decrypt the shares addressed to this client; the senders form its view of U2. */
    public void receiveShares(ForwardedShares forwarded) {
        checkAddressed(forwarded);
        TreeSet<Integer> view = new TreeSet<>();
        view.add(id);
        for (Map.Entry<Integer, byte[]> e : forwarded.ciphertexts().entrySet()) {
            int v = e.getKey();
            if (peerKeys == null || !peerKeys.containsKey(v)) {
                problems.add("client " + id + " ignored shares from client " + v + ", which did not advertise keys");
                continue;
            }
            view.add(v); // v masks with this client whether or not its ciphertext decrypts
            try {
                byte[] plain =
                        ShareCipher.decrypt(channelKey(v), e.getValue(), params.session(), v, id, Round.SHARE_KEYS);
                ByteBuffer buf = ByteBuffer.wrap(plain);
                if (plain.length != PLAINTEXT_BYTES || buf.getInt() != v || buf.getInt() != id) {
                    throw new MessageRejectedException(
                            v, Round.SHARE_KEYS, "encrypted share names the wrong sender or recipient");
                }
                byte[] seedShare = new byte[Shamir.SHARE_BYTES];
                byte[] keyShare = new byte[Shamir.SHARE_BYTES];
                buf.get(seedShare).get(keyShare);
                heldShares.put(v, new byte[][] {seedShare, keyShare});
            } catch (MessageRejectedException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (view.size() < params.threshold()) {
            throw new SecAggException("client " + id + " aborts: only " + view.size()
                    + " clients in its neighbourhood shared keys, fewer than the threshold " + params.threshold());
        }
        sharedKeys = view;
    }

    /** Round 2: y = x + PRG(b_u) + sum over neighbours v in U2 of +-PRG(s_uv), mod 2^b. */
    public MaskedInput maskedInput(int[] input) {
        if (sharedKeys == null) {
            throw new IllegalStateException("client " + id + " has not received the shares of round 1");
        }
        if (input.length != params.vectorLength()) {
            throw new IllegalArgumentException(
                    "client " + id + " input has length " + input.length + ", expected " + params.vectorLength());
        }
        Map<Integer, byte[]> peers = new TreeMap<>();
        for (int v : sharedKeys) {
            if (v != id) {
                peers.put(v, peerKeys.get(v).maskKey());
            }
        }
        int[] y = Masking.maskInput(input, id, selfMaskSeed, maskScalar, peers, params, prg);
        return new MaskedInput(params.session(), id, y, params.modulusBits());
    }

    /**
     * Round 3 of the semi-honest mode (round 4 of Figure 4): for each neighbour in U2, the share of its self-mask
     * seed if it survived (is in the request's list) or of its mask secret key if it dropped. Refuses with
     * {@link SecAggException} if the survivor set fails {@link SurvivorSet#check}, if this would reveal both
     * kinds of share for one client over the whole session, or in the active mode, which unmasks only after the
     * consistency check.
     */
    public UnmaskResponse unmask(UnmaskRequest request) {
        checkAddressed(request);
        if (sharedKeys == null) {
            throw new IllegalStateException("client " + id + " has not received the shares of round 1");
        }
        if (pki != null) {
            throw new SecAggException("client " + id + " refuses to unmask: in the active mode it answers only "
                    + "after the consistency check on the survivor set");
        }
        return reveal(SurvivorSet.check(id, request.survivors(), sharedKeys, params));
    }

    /**
     * Consistency check, first half (active mode, round 3 of Figure 4): checks the survivor set U3 like
     * {@link SurvivorSet#check} and signs it.
     */
    public SurvivorSignature signSurvivors(UnmaskRequest request) {
        checkAddressed(request);
        if (pki == null) {
            throw new IllegalStateException("client " + id + " runs the semi-honest mode: no consistency check");
        }
        if (sharedKeys == null) {
            throw new IllegalStateException("client " + id + " has not received the shares of round 1");
        }
        SortedSet<Integer> real = SurvivorSet.check(id, request.survivors(), sharedKeys, params);
        int[] u3 = Arrays.stream(request.survivors()).sorted().toArray();
        if (signedSurvivors != null && !Arrays.equals(signedSurvivors, u3)) {
            throw new SecAggException("client " + id + " refuses to sign a second, different survivor set");
        }
        signedSurvivors = u3;
        signedRealSurvivors = real;
        return new SurvivorSignature(
                params.session(), id, Ed25519.sign(signingKey, SignedStatements.survivors(params.session(), u3)));
    }

    /**
     * Unmasking after the consistency check (active mode, round 4 of Figure 4): every forwarded signature must
     * come from a member of the U3 this client signed and verify on that same set, and at least t of them must
     * come from its share holders; then it answers as {@link #unmask(UnmaskRequest)} does for that U3.
     */
    public UnmaskResponse unmask(SignatureList list) {
        checkAddressed(list);
        if (signedSurvivors == null) {
            throw new IllegalStateException("client " + id + " has not signed a survivor set");
        }
        byte[] statement = SignedStatements.survivors(params.session(), signedSurvivors);
        int valid = 0;
        for (Map.Entry<Integer, byte[]> e : list.signatures().entrySet()) {
            int v = e.getKey();
            if (Arrays.binarySearch(signedSurvivors, v) < 0) {
                throw new SecAggException("client " + id + " refuses to unmask: the server forwards a signature of "
                        + "client " + v + ", which is not in the survivor set it signed");
            }
            if (!pki.verify(v, statement, e.getValue())) {
                throw new SecAggException("client " + id + " refuses to unmask: the signature of client " + v
                        + " does not verify on the survivor set this client signed (inconsistent survivor sets "
                        + "or a forged signature)");
            }
            if (signedRealSurvivors.contains(v)) {
                valid++;
            }
        }
        if (valid < params.threshold()) {
            throw new SecAggException("client " + id + " refuses to unmask: only " + valid + " of its share holders "
                    + "signed the survivor set, fewer than the threshold " + params.threshold());
        }
        return reveal(signedRealSurvivors);
    }

    /** The shares for the given survivors of this client's neighbourhood, never both kinds for one client. */
    private UnmaskResponse reveal(SortedSet<Integer> survivors) {
        for (int v : sharedKeys) {
            Boolean before = revealedSelfMaskShare.get(v);
            if (before != null && before != survivors.contains(v)) {
                throw new SecAggException("client " + id + " refuses to unmask: it already revealed its share of "
                        + (before ? "the self-mask seed" : "the mask secret key") + " of client " + v
                        + " and will not reveal the other kind as well");
            }
        }
        Map<Integer, byte[]> keyShares = new TreeMap<>();
        Map<Integer, byte[]> seedShares = new TreeMap<>();
        for (int v : sharedKeys) {
            byte[][] held = heldShares.get(v);
            if (held == null) {
                continue; // its ciphertext failed authentication
            }
            boolean survived = survivors.contains(v);
            revealedSelfMaskShare.put(v, survived);
            if (survived) {
                seedShares.put(v, held[0]);
            } else {
                keyShares.put(v, held[1]);
            }
        }
        return new UnmaskResponse(params.session(), id, keyShares, seedShares);
    }

    private byte[] channelKey(int v) {
        return channelKeys.computeIfAbsent(v, peer -> {
            if (encryptionAgreement == null) {
                encryptionAgreement = X25519.agreement(encryptionScalar);
            }
            byte[] shared = encryptionAgreement.agree(peerKeys.get(peer).encryptionKey());
            return ShareCipher.deriveKey(shared, params.session());
        });
    }

    private void checkAddressed(SecAggMessage m) {
        if (m.session() != params.session() || m.recipient() != id) {
            throw new MessageRejectedException(
                    m.sender(),
                    m.round(),
                    "message for client " + m.recipient()
                            + " in session " + m.session() + " delivered to client " + id + " in session "
                            + params.session());
        }
    }
}
