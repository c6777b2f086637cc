package org.leakbench.attack.audit;

/** The argument checks shared by the audits, each a one-line message naming the setting at fault. */
final class AuditChecks {
    private AuditChecks() {}

    static void confidence(double c) {
        if (!(c > 0 && c < 1)) {
            throw new IllegalArgumentException("audit confidence must be in (0, 1), e.g. 0.95, got " + c);
        }
    }

    static void delta(double d) {
        if (!(d >= 0 && d < 1)) {
            throw new IllegalArgumentException("audit delta must be in [0, 1), got " + d);
        }
    }
}
