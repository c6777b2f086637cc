package org.leakbench.defense.secagg;

import java.util.Locale;

/**
 * Which adversary the protocol is run against (Bonawitz et al., CCS 2017, Sections 4 and 6); see the package
 * documentation for exactly what each mode defends against.
 */
public enum SecurityMode {
    /** Honest-but-curious server: no signatures and no consistency-check round (Figure 4 without its active parts). */
    SEMI_HONEST,
    /**
     * Active server: signed key advertisements checked against a PKI, and the consistency-check round in which
     * the clients sign the survivor set before unmasking.
     */
    ACTIVE;

    /** The name a sweep file uses: {@code semi-honest} or {@code active}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()}; the error names the allowed values. */
    public static SecurityMode parse(String label) {
        for (SecurityMode m : values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("secagg.security must be semi-honest or active, got '" + label + "'");
    }
}
