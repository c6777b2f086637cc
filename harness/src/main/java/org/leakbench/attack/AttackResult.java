package org.leakbench.attack;

/**
 * What an attack produced: reconstructed samples (flattened like the inputs, or null for label-only
 * attacks), recovered labels (or null), and how the attack ended.
 *
 * @param status     {@code ok}, {@code diverged} (NaN/Inf during optimisation) or {@code failed: why}
 * @param iterations optimiser iterations spent (0 for closed-form attacks)
 * @param objective  final attack objective (NaN when there is none)
 */
public record AttackResult(float[][] samples, int[] labels, String status, int iterations, double objective,
                           long millis) {
    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";

    public boolean ok() {
        return OK.equals(status);
    }

    public static AttackResult failed(String why, long millis) {
        return new AttackResult(null, null, "failed: " + why, 0, Double.NaN, millis);
    }
}
