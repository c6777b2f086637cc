package org.leakbench.attack.membership;

import org.leakbench.update.Update;

/**
 * Settings of an {@link UpdateMembershipExperiment}.
 *
 * @param kind        what the client sends: a FedSGD gradient of its batch, or a FedAvg weight difference
 * @param batch       the client's batch, in [1, 65536]
 * @param localSteps  FedAvg's full-batch local steps, in [1, 10000]; 1 for a gradient
 * @param lr          FedAvg's local learning rate, in (0, 100]
 * @param trials      updates observed, each from a fresh batch, in [1, 100000]
 * @param calibration known non-members per update for the calibration, in [2, 100000]
 */
public record UpdateMembershipOptions(
        Update.Kind kind, int batch, int localSteps, double lr, int trials, int calibration) {
    /** Members (and as many non-members) scored per update: a few, so that many updates share the ROC. */
    public static final int MAX_MEMBERS_PER_TRIAL = 4;

    public UpdateMembershipOptions {
        if (kind == null) {
            throw new IllegalArgumentException("update membership: the update kind must be given");
        }
        if (batch < 1 || batch > 65_536) {
            throw new IllegalArgumentException("update membership: batch must be in [1, 65536], got " + batch);
        }
        if (localSteps < 1 || localSteps > 10_000 || (kind == Update.Kind.GRADIENT && localSteps != 1)) {
            throw new IllegalArgumentException("update membership: local steps must be 1 for a gradient and in "
                    + "[1, 10000] for a weight difference, got " + localSteps + " for " + kind);
        }
        if (!(lr > 0 && lr <= 100)) {
            throw new IllegalArgumentException("update membership: lr must be in (0, 100], got " + lr);
        }
        if (trials < 1 || trials > 100_000) {
            throw new IllegalArgumentException("mia-update.trials must be in [1, 100000], got " + trials);
        }
        if (calibration < 2 || calibration > 100_000) {
            throw new IllegalArgumentException("mia-update.calibration must be in [2, 100000], got " + calibration);
        }
    }

    /** Members scored per update. */
    public int membersPerTrial() {
        return Math.min(batch, MAX_MEMBERS_PER_TRIAL);
    }

    /** Rows one trial draws: the batch, the non-member candidates and the calibration records. */
    public int rowsPerTrial() {
        return batch + membersPerTrial() + calibration;
    }
}
