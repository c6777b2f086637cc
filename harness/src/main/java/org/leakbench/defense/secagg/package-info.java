/**
 * Secure aggregation of client updates with real cryptography: the protocol of Bonawitz et al. (CCS 2017)
 * and its sparse-graph variant SecAgg+ (Bell et al., CCS 2020), run in-process as explicit messages between
 * {@link org.leakbench.defense.secagg.SecAggClient} objects and a {@link org.leakbench.defense.secagg.SecAggServer}.
 *
 * <p>Building blocks: X25519 key agreement (JDK {@code XDH}), HKDF-SHA256, AES-GCM share encryption with
 * associated data binding sender, recipient, round and session, Shamir secret sharing over a 257-bit prime
 * field, and an AES-128 counter-mode mask generator. {@link org.leakbench.defense.secagg.SecureAggregator} is
 * the facade the federated simulation calls: it quantises float updates (Flower's SecAgg+ scheme), runs the
 * protocol with a dropout schedule and returns the dequantised sum with per-client byte counts and per-phase
 * wall time.
 */
package org.leakbench.defense.secagg;
