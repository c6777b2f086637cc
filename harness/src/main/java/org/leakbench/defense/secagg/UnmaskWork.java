package org.leakbench.defense.secagg;

/**
 * What the server's last unmasking did, counted rather than timed so that tests can pin its complexity: with
 * s survivors, d dropped clients and every dropped client adjacent to k surviving clients, Bonawitz et al.
 * (CCS 2017, section 4) need s + d reconstructions, d (k + 1) X25519 agreements (k pairwise seeds and one check
 * of the reconstructed key per dropped client) and s + d k mask expansions; anything beyond is overhead.
 *
 * @param reconstructions Shamir reconstructions (self-mask seeds of survivors, mask keys of dropped clients)
 * @param lagrangeSets    distinct share-holder sets whose Lagrange coefficients were computed
 * @param agreements      X25519 agreements
 * @param masksExpanded   masks expanded by the PRG and removed from the sum
 */
public record UnmaskWork(long reconstructions, int lagrangeSets, long agreements, long masksExpanded) {}
