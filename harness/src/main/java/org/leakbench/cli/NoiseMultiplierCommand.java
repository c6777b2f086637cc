package org.leakbench.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.DpChecks;
import org.leakbench.defense.dp.NoiseMultiplierSearch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench noise-multiplier}: the smallest σ that meets a target (ε, δ). */
@Command(name = "noise-multiplier", mixinStandardHelpOptions = true,
        description = "Find the smallest noise multiplier meeting a target epsilon with the RDP accountant "
                + "(bisection to a relative 1e-6 in sigma).")
public final class NoiseMultiplierCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--epsilon", required = true, description = "Target epsilon, > 0.")
    double epsilon;

    @Option(names = "--delta", required = true, description = "Target delta, in (0, 1); usually below 1/N.")
    double delta;

    @Option(names = "--sample-rate", required = true,
            description = "Poisson sampling rate q of examples (DP-SGD) or clients (DP-FedAvg), in (0, 1].")
    double sampleRate;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DpCommandSupport.Length length;

    @Option(names = "--conversion", defaultValue = "improved",
            converter = DpCommandSupport.ConversionConverter.class,
            description = "RDP to (epsilon, delta) conversion: 'improved' (Balle et al. 2020) or 'classic' "
                    + "(Mironov 2017). Default: ${DEFAULT-VALUE}.")
    Conversion conversion;

    @Option(names = "--opacus-tolerance",
            description = "Search as Opacus' get_noise_multiplier does instead (bisect until epsilon is within this "
                    + "much below the target, improved conversion), to reproduce numbers published with Opacus; "
                    + "it typically uses 0.01.")
    Double opacusTolerance;

    @Override
    public Integer call() {
        try {
            DpChecks.sampleRate(sampleRate);
            long steps = length.resolve(sampleRate);
            if (opacusTolerance != null && conversion != Conversion.IMPROVED) {
                throw new IllegalArgumentException("--opacus-tolerance searches with the improved conversion, "
                        + "as Opacus does; drop --conversion " + DpCommandSupport.lower(conversion));
            }
            double sigma = opacusTolerance == null
                    ? NoiseMultiplierSearch.find(epsilon, delta, sampleRate, steps, conversion)
                    : NoiseMultiplierSearch.findLikeOpacus(epsilon, delta, sampleRate, steps, opacusTolerance);
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "noise multiplier = %.6g for epsilon = %s at delta = %s (%s conversion; sample rate %s, "
                            + "%d steps)",
                    sigma, epsilon, delta, DpCommandSupport.lower(conversion), sampleRate, steps));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("noise-multiplier: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return DpCommandSupport.BAD_INPUT;
        }
    }
}
