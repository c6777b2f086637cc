package org.leakbench.defense.dp;

import java.util.List;

/**
 * A privacy accountant: the (ε, δ) of a composition of Poisson-subsampled Gaussian mechanisms under the
 * add-or-remove-one relation. Stateless: every call composes the events it is given, so one instance serves a
 * whole sweep. Implementations: {@link RenyiDpAccountant} (RDP), {@link PrvAccountant} (Gopi, Lee, Wutschitz
 * 2021), {@link PldAccountant} (privacy-loss distributions as in Google's dp_accounting) and
 * {@link GdpAccountant} (μ-GDP by the central limit theorem); {@link Accountants} picks one by name.
 */
public interface Accountant {
    /** The name sweeps and the command line use: rdp, prv, pld or gdp. */
    String name();

    /** ε at δ of all events composed; δ in (0, 1). */
    EpsilonEstimate epsilon(List<SampledGaussian> events, double delta);

    /** δ at ε of all events composed (the accountant's upper bound; GDP's approximation); ε ≥ 0. */
    double delta(List<SampledGaussian> events, double epsilon);

    /** ε at δ of {@code steps} steps of one mechanism. */
    default EpsilonEstimate epsilon(double noiseMultiplier, double sampleRate, long steps, double delta) {
        return epsilon(List.of(new SampledGaussian(noiseMultiplier, sampleRate, steps)), delta);
    }

    /** A one-line caveat for output, or empty when ε is a rigorous upper bound. */
    default String caveat() {
        return "";
    }

    /** Shared argument checks: at least one event, δ in (0, 1). */
    static List<SampledGaussian> checked(List<SampledGaussian> events, double delta) {
        DpChecks.delta(delta);
        if (events == null || events.isEmpty() || events.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("events must hold at least one mechanism and no null");
        }
        return List.copyOf(events);
    }

    /** Shared check of ε for δ(ε). */
    static double checkedEpsilon(double epsilon) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
        return epsilon;
    }
}
