package org.leakbench.attack.membership;

import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.DType;

/**
 * Settings of a {@link MembershipExperiment}.
 *
 * @param model       the target (and shadow) architecture
 * @param members     rows the target is trained on, in [1, 10^7]
 * @param nonMembers  held-out rows: the non-member candidates and the test set for utility, in [1, 10^7]
 * @param recipe      how the target is trained (epochs to overfit; DP-SGD when its noise multiplier is &gt; 0)
 * @param standardize whether to standardise every feature with the mean and standard deviation of the member
 *                    rows (tabular data); images are left as they are
 * @param dtype       evaluation precision
 */
public record MembershipExperimentOptions(
        ModelSpec model, int members, int nonMembers, TrainingRecipe recipe, boolean standardize, DType dtype) {
    public MembershipExperimentOptions {
        if (model == null || recipe == null || dtype == null) {
            throw new IllegalArgumentException("membership experiment: model, recipe and dtype must be given");
        }
        if (members < 1 || members > 10_000_000) {
            throw new IllegalArgumentException("membership.members must be in [1, 10000000], got " + members);
        }
        if (nonMembers < 1 || nonMembers > 10_000_000) {
            throw new IllegalArgumentException("membership.nonMembers must be in [1, 10000000], got " + nonMembers);
        }
    }

    /** The same settings with another training recipe (e.g. DP-SGD). */
    public MembershipExperimentOptions withRecipe(TrainingRecipe r) {
        return new MembershipExperimentOptions(model, members, nonMembers, r, standardize, dtype);
    }
}
