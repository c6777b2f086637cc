/**
 * Membership inference: given a trained model, decide for each candidate sample whether it was in the
 * training set. Every {@link org.leakbench.attack.membership.MembershipAttack} turns samples into scores
 * (higher = more likely a member); {@link org.leakbench.attack.membership.MembershipResult} reports the ROC
 * AUC and the TPR at 1% and 0.1% FPR, as LiRA (Carlini et al., IEEE S&amp;P 2022) recommends.
 * {@link org.leakbench.attack.membership.MembershipExperiment} splits data into members, non-members and an
 * attacker population, trains the target (optionally with DP-SGD) and runs the attacks.
 */
package org.leakbench.attack.membership;
