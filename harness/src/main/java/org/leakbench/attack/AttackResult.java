package org.leakbench.attack;

/**
 * What an attack produced: reconstructed samples (flattened like the inputs, or null for label-only
 * attacks), recovered labels (or null), and how the attack ended.
 *
 * @param status     {@code ok}, {@code diverged} (NaN/Inf in the observed update or during optimisation;
 *                   samples, if any, are never scored: a diverged attack measured nothing), {@code cancelled}
 *                   (the harness stopped it), {@code timeout} (its time budget ran out; samples, if any, are
 *                   the best so far and are not scored either) or {@code failed: why}
 * @param iterations optimiser iterations spent (0 for closed-form attacks)
 * @param objective  final attack objective (NaN when there is none)
 */
public record AttackResult(
        float[][] samples, int[] labels, String status, int iterations, double objective, long millis) {
    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";
    public static final String CANCELLED = "cancelled";
    public static final String TIMEOUT = "timeout";

    public boolean ok() {
        return OK.equals(status);
    }

    /** Whether every reconstructed value is finite (true when there are no samples). */
    public boolean finiteSamples() {
        if (samples == null) {
            return true;
        }
        for (float[] s : samples) {
            if (s == null) {
                continue;
            }
            for (float v : s) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A result without samples that says why there are none: diverged, cancelled or timeout. */
    public static AttackResult empty(String status, int iterations, long millis) {
        return new AttackResult(null, null, status, iterations, Double.NaN, millis);
    }

    public static AttackResult failed(String why, long millis) {
        return new AttackResult(null, null, "failed: " + why, 0, Double.NaN, millis);
    }
}
