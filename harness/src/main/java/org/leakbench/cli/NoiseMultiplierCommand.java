package org.leakbench.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.EpsilonEstimate;
import org.leakbench.defense.dp.NoiseMultiplierSearch;
import org.leakbench.defense.dp.RenyiDpAccountant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench noise-multiplier}: the smallest σ that meets a target (ε, δ). */
@Command(
        name = "noise-multiplier",
        mixinStandardHelpOptions = true,
        description = "Find the smallest noise multiplier meeting a target epsilon with the chosen accountant "
                + "(default RDP; bisection to a relative 1e-6 in sigma).")
public final class NoiseMultiplierCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epsilon", required = true, description = "Target epsilon, > 0.")
    double epsilon;

    @Mixin
    DpCommandSupport.Mechanism mechanism;

    @Option(
            names = "--opacus-tolerance",
            description = "Search as Opacus' get_noise_multiplier does instead (bisect until epsilon is within this "
                    + "much below the target; improved conversion for rdp), to reproduce numbers published with "
                    + "Opacus; it typically uses 0.01.")
    Double opacusTolerance;

    @Override
    public Integer call() {
        return DpCommandSupport.report(spec, () -> {
            DpCommandSupport.Mechanism m = mechanism;
            long steps = m.steps();
            if (opacusTolerance != null && m.conversion != Conversion.IMPROVED) {
                throw new IllegalArgumentException("--opacus-tolerance searches with the improved conversion, "
                        + "as Opacus does; drop --conversion " + DpCommandSupport.lower(m.conversion));
            }
            DpCommandSupport.checkConversion(spec, m.accountant);
            if (!(m.accountant instanceof RenyiDpAccountant)) {
                double sigma = opacusTolerance == null
                        ? NoiseMultiplierSearch.find(m.accountant, epsilon, m.delta, m.sampleRate, steps)
                        : NoiseMultiplierSearch.findLikeOpacus(
                                m.accountant, epsilon, m.delta, m.sampleRate, steps, opacusTolerance);
                EpsilonEstimate at = m.accountant.epsilon(sigma, m.sampleRate, steps, m.delta);
                return String.format(
                                Locale.ROOT,
                                "noise multiplier = %.6g for epsilon = %s at delta = %s (%s accountant, epsilon "
                                        + "there %.6g; sample rate %s, %d steps)",
                                sigma,
                                epsilon,
                                m.delta,
                                m.accountant.name(),
                                at.epsilon(),
                                m.sampleRate,
                                steps)
                        + DpCommandSupport.bounds(at, m.accountant);
            }
            double sigma = opacusTolerance == null
                    ? NoiseMultiplierSearch.find(epsilon, m.delta, m.sampleRate, steps, m.conversion)
                    : NoiseMultiplierSearch.findLikeOpacus(epsilon, m.delta, m.sampleRate, steps, opacusTolerance);
            return String.format(
                    Locale.ROOT,
                    "noise multiplier = %.6g for epsilon = %s at delta = %s (%s "
                            + "conversion; sample rate %s, %d steps)",
                    sigma,
                    epsilon,
                    m.delta,
                    DpCommandSupport.lower(m.conversion),
                    m.sampleRate,
                    steps);
        });
    }
}
