package org.leakbench.defense.dp;

/**
 * What an {@link Accountant} says about ε at a given δ.
 *
 * @param accountant the accountant's name ({@code rdp}, {@code prv}, {@code pld}, {@code gdp})
 * @param epsilon    the ε to report: an upper bound for RDP, PRV and PLD; for GDP a CLT approximation
 * @param lower      a lower bound on the true ε of the composition, or NaN when the accountant has none
 * @param estimate   the accountant's best point estimate (PRV: the discretised value without error terms;
 *                   otherwise {@code epsilon})
 * @param delta      δ
 */
public record EpsilonEstimate(String accountant, double epsilon, double lower, double estimate, double delta) {
    /** An accountant that gives one number (RDP, GDP). */
    static EpsilonEstimate single(String accountant, double epsilon, double delta) {
        return new EpsilonEstimate(accountant, epsilon, Double.NaN, epsilon, delta);
    }

    /** True when {@link #lower} is a bound, so [lower, epsilon] brackets the true ε. */
    public boolean bracketed() {
        return !Double.isNaN(lower);
    }
}
