package org.leakbench.defense.secagg;

import java.util.List;

/**
 * The rounds of Bonawitz et al. (CCS 2017), Figure 4. The consistency-check round runs only in
 * {@link SecurityMode#ACTIVE}; the others run in every mode.
 */
public enum Round {
    /** Round 0: each client sends its two X25519 public keys (signed if active); the server broadcasts them. */
    ADVERTISE_KEYS,
    /** Round 1: each client sends encrypted Shamir shares of its self-mask seed and mask secret key. */
    SHARE_KEYS,
    /** Round 2: each client sends its input plus self mask plus pairwise masks, mod 2^b. */
    MASKED_INPUT,
    /** Round 3 (active mode only): each survivor signs the survivor set U3; the server forwards the signatures. */
    CONSISTENCY_CHECK,
    /** Round 4: survivors send the shares that let the server remove the remaining masks. */
    UNMASKING;

    /** The rounds that run whatever the security mode, in order. */
    public static final List<Round> EVERY_MODE = List.of(ADVERTISE_KEYS, SHARE_KEYS, MASKED_INPUT, UNMASKING);
}
