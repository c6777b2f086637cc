/**
 * Secure aggregation of client updates with real cryptography: the protocol of Bonawitz et al. (CCS 2017)
 * and its sparse-graph variant SecAgg+ (Bell et al., CCS 2020), run in-process as explicit messages between
 * {@link org.leakbench.defense.secagg.SecAggClient} objects and a {@link org.leakbench.defense.secagg.SecAggServer}.
 *
 * <p>Building blocks: X25519 key agreement on raw 32-byte keys (the system's OpenSSL through the foreign-function
 * interface, or the JDK's {@code XDH} where it is missing; see {@link org.leakbench.defense.secagg.X25519}), HKDF-SHA256, AES-GCM share encryption with
 * associated data binding sender, recipient, round and session, Shamir secret sharing over a 257-bit prime
 * field, an AES-128 counter-mode mask generator, a SHA-256 commitment to each self-mask seed, and in the active
 * mode Ed25519 signatures (JDK). {@link org.leakbench.defense.secagg.SecureAggregator} is the facade the
 * federated simulation calls: it quantises float updates (Flower's SecAgg+ scheme), runs the protocol with a
 * dropout schedule and returns the dequantised sum with per-client byte counts and per-phase wall time.
 *
 * <h2>Threat models ({@link org.leakbench.defense.secagg.SecurityMode})</h2>
 *
 * <p><b>Both modes.</b> Clients may drop out at any round; the sum of the clients that sent a masked input is
 * released only if at least t clients of every share-holder group remain, otherwise nothing is. Honest clients
 * never reveal both the self-mask-seed share and the mask-key share of one client; they answer an unmasking
 * request only if its survivor set contains themselves, names within their neighbourhood only clients that
 * sent them shares in round 1 (U3 within U2) and holds at least t such real peers, so a server cannot announce
 * {v, made-up ids...} to unmask v. Shares travel encrypted and authenticated (AES-GCM) under keys agreed with
 * the advertised public keys, so whoever did not take part in the key agreement can neither read nor alter
 * them. A wrong share of a self-mask seed or mask key (faulty client, corrupted message) is detected against
 * the seed's commitment or the key's public key and left out, or the run fails; it never silently changes
 * the sum.
 *
 * <p><b>{@code semi-honest}</b> (Bonawitz et al., Section 4 and Figure 4 without its active parts): defends
 * against an honest-but-curious server that follows the protocol and tries to learn individual inputs from
 * what it sees, alone or together with fewer than t clients. It does <em>not</em> defend against a server that
 * deviates: the server relays the public keys unsigned, so it can substitute its own keys for a client's (a
 * man-in-the-middle that then decrypts the shares sent to that client), forge advertisements in a client's
 * name, and send different clients different survivor sets made of real ids, collecting the self-mask-seed
 * shares of a client from some and its mask-key shares from others.
 *
 * <p><b>{@code active}</b> (Bonawitz et al., Section 6 and the consistency-check round of Figure 4): defends
 * against a server that deviates arbitrarily (drops, alters, forges, replays or reorders messages, lies about
 * who dropped out, sends clients inconsistent views). Each client signs its round-0 key advertisement with an
 * Ed25519 key registered in a {@link org.leakbench.defense.secagg.Pki}; server and clients verify every
 * advertisement, so forged advertisements and key substitution by the server are detected and the client
 * aborts, which makes the client-to-client share channels authenticated end to end. In the consistency check
 * every survivor signs the survivor set U3 it received, and unmasks only if every forwarded signature verifies
 * on that same set and at least t of its share holders signed it. An honest client signs one set only, so two
 * different survivor sets can each gather t signatures only if 2t &le; group size + colluding clients; with t
 * above that bound a server that sends inconsistent survivor sets gets shares for at most one of them (the
 * configuration enforces t &gt; group / 2, which covers a server without colluding clients). For SecAgg+ the
 * check runs per neighbourhood, a transposition of Bonawitz et al.'s complete-graph round rather than Bell et
 * al.'s own malicious-server protocol.
 *
 * <p><b>Out of scope in both modes.</b> Sybil clients the server creates and registers (the PKI is trusted to
 * register only real clients), compromise of the PKI or of a client's signing key, clients that collude with
 * the server in groups of t or more, malicious clients that submit wrong inputs (the sum is only as good as the
 * inputs; no input validation or range proofs), a server that lies about the sum it outputs (no verifiable
 * aggregation), and traffic analysis. The test PKI registers fresh keys for each aggregation, outside the
 * timed rounds; in a deployment the keys would be long-lived.
 */
package org.leakbench.defense.secagg;
