package org.leakbench.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.PrivacySpent;
import org.leakbench.defense.dp.RdpAccountant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench epsilon}: the (ε, δ) of DP-SGD or DP-FedAvg from its noise multiplier, rate and length. */
@Command(name = "epsilon", mixinStandardHelpOptions = true,
        description = "Compute epsilon of the Poisson-subsampled Gaussian mechanism with the RDP accountant "
                + "(orders 1.1, 1.2, ..., 10.9, 12, ..., 63).")
public final class EpsilonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--noise-multiplier", required = true,
            description = "Noise standard deviation divided by the clipping norm (sigma), >= 0.")
    double noiseMultiplier;

    @Option(names = "--sample-rate", required = true,
            description = "Poisson sampling rate q of examples (DP-SGD) or clients (DP-FedAvg), in (0, 1].")
    double sampleRate;

    @ArgGroup(exclusive = true, multiplicity = "1")
    DpCommandSupport.Length length;

    @Option(names = "--delta", required = true, description = "Target delta, in (0, 1); usually below 1/N.")
    double delta;

    @Option(names = "--conversion", defaultValue = "improved",
            converter = DpCommandSupport.ConversionConverter.class,
            description = "RDP to (epsilon, delta) conversion: 'improved' (Balle et al. 2020) or 'classic' "
                    + "(Mironov 2017). Default: ${DEFAULT-VALUE}.")
    Conversion conversion;

    @Option(names = "--local-dp",
            description = "Local DP of a client that clips and noises its own update (defense local-dp): each "
                    + "release is the Gaussian mechanism at sensitivity 2C (noise multiplier halved), with no "
                    + "amplification, so --sample-rate must be 1; --steps counts the client's releases.")
    boolean localDp;

    @Override
    public Integer call() {
        try {
            long steps = length.resolve(sampleRate);
            if (localDp && sampleRate != 1.0) {
                throw new IllegalArgumentException("--local-dp releases every update the client sends: there is no "
                        + "sampling amplification, so --sample-rate must be 1, got " + sampleRate);
            }
            double sigma = localDp ? noiseMultiplier / 2 : noiseMultiplier;
            PrivacySpent spent = RdpAccountant.privacySpent(sigma, sampleRate, steps, delta, conversion);
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "epsilon = %.6g at delta = %s (best order %s, %s conversion; noise multiplier %s, "
                            + "sample rate %s, %d steps)",
                    spent.epsilon(), delta, spent.bestOrder(), DpCommandSupport.lower(conversion), noiseMultiplier,
                    sampleRate, steps) + (localDp ? " (local DP: sensitivity 2C)" : ""));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("epsilon: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return DpCommandSupport.BAD_INPUT;
        }
    }
}
