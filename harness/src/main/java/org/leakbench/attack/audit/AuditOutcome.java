package org.leakbench.attack.audit;

/**
 * An audit's result next to what the accountant claims.
 *
 * @param bound             the empirical lower bound ε̂ and its confidence
 * @param accountantEpsilon the accountant's ε at the same δ for the claimed setting
 * @param mechanism         what was audited ({@link CanaryMechanism#describe()})
 * @param method            many-run or one-run
 */
public record AuditOutcome(EpsilonLowerBound bound, double accountantEpsilon, String mechanism, AuditMethod method) {
    /** Whether the audit contradicts the accountant: ε̂ &gt; ε, a bug in the mechanism or its accounting. */
    public boolean violates() {
        return bound.epsilon() > accountantEpsilon;
    }
}
