package org.leakbench.attack.audit;

import java.util.Arrays;
import java.util.Locale;

/** How canaries become an ε̂: many independent runs ({@link ManyRunAudit}) or one run ({@link OneRunAudit}). */
public enum AuditMethod {
    MANY_RUN,
    ONE_RUN;

    /** The name used on the command line and in sweep files: {@code many-run}, {@code one-run}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AuditMethod parse(String id) {
        for (AuditMethod m : values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("audit method must be one of "
                + Arrays.stream(values()).map(AuditMethod::id).toList() + ", got '" + id + "'");
    }
}
