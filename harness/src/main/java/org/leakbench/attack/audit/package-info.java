/**
 * Empirical privacy auditing of the DP mechanisms: a lower bound ε̂ on the ε a mechanism really spends, measured by
 * an attack on canaries, to set next to the accountant's upper bound.
 *
 * <p>A {@link org.leakbench.attack.audit.CanaryMechanism} runs a mechanism of {@code defense.dp} once with some
 * canaries in and some out and returns one score per canary (higher = "it was in"). Gradient-space canaries
 * (Dirac gradients on a coordinate no other example touches) give the white-box auditor of Nasr et al. 2021 and
 * 2023, who sees every noisy release; input-space canaries (mislabelled examples) give the black-box auditor who
 * only queries the final model. Two ways turn scores into ε̂:
 * <ul>
 *   <li>{@link org.leakbench.attack.audit.ManyRunAudit}: many independent trials, each canary in or out; the
 *       false- and true-positive rates of a threshold test, bounded by Clopper–Pearson intervals, bound ε
 *       (Jagielski, Ullman, Oprea 2020; Nasr et al. 2021).</li>
 *   <li>{@link org.leakbench.attack.audit.OneRunAudit}: many canaries each inserted with probability 1/2 in one
 *       run; the number of correct guesses against the binomial bound of Steinke, Nasr, Jagielski 2023.</li>
 * </ul>
 * Both hold with confidence 1 − α over the auditor's randomness: a sound mechanism gives ε̂ ≤ ε with probability
 * at least 1 − α, so ε̂ &gt; ε is evidence of a bug in the mechanism or its accounting.
 */
package org.leakbench.attack.audit;
