package org.leakbench.defense.dp;

/**
 * An (ε, δ) guarantee and how it was obtained.
 *
 * @param epsilon    ε, at least 0; {@code Double.POSITIVE_INFINITY} when no order gives a finite bound
 * @param delta      δ
 * @param bestOrder  the Rényi order α that gave the smallest ε ({@code NaN} when ε is 0 or infinite)
 * @param conversion the RDP-to-(ε, δ) conversion used
 */
public record PrivacySpent(double epsilon, double delta, double bestOrder, Conversion conversion) {}
