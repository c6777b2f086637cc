package org.leakbench.defense.secagg;

/**
 * The rounds of Bonawitz et al. (CCS 2017), Figure 4, for an honest-but-curious server (the consistency-check
 * round, needed only against an active server, is left out).
 */
public enum Round {
    /** Round 0: each client sends its two X25519 public keys; the server broadcasts them. */
    ADVERTISE_KEYS,
    /** Round 1: each client sends encrypted Shamir shares of its self-mask seed and mask secret key. */
    SHARE_KEYS,
    /** Round 2: each client sends its input plus self mask plus pairwise masks, mod 2^b. */
    MASKED_INPUT,
    /** Round 3: survivors send the shares that let the server remove the remaining masks. */
    UNMASKING
}
