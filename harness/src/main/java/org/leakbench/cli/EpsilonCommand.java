package org.leakbench.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.leakbench.defense.dp.EpsilonEstimate;
import org.leakbench.defense.dp.PrivacySpent;
import org.leakbench.defense.dp.RdpAccountant;
import org.leakbench.defense.dp.RenyiDpAccountant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leakbench epsilon}: the (ε, δ) of DP-SGD or DP-FedAvg from its noise multiplier, rate and length. */
@Command(
        name = "epsilon",
        mixinStandardHelpOptions = true,
        description = "Compute epsilon of the Poisson-subsampled Gaussian mechanism with the chosen accountant "
                + "(default RDP over orders 1.1, 1.2, ..., 10.9, 12, ..., 63; prv and pld also print their error "
                + "bounds).")
public final class EpsilonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--noise-multiplier",
            required = true,
            description =
                    "Noise standard deviation divided by the clipping norm (sigma), >= 0 (> 0 for prv, pld, gdp).")
    double noiseMultiplier;

    @Mixin
    DpCommandSupport.Mechanism mechanism;

    @Option(
            names = "--local-dp",
            description = "Local DP of a client that clips and noises its own update (defense local-dp): each "
                    + "release is the Gaussian mechanism at sensitivity 2C (noise multiplier halved), with no "
                    + "amplification, so --sample-rate must be 1; --steps counts the client's releases.")
    boolean localDp;

    @Override
    public Integer call() {
        return DpCommandSupport.report(spec, () -> {
            DpCommandSupport.Mechanism m = mechanism;
            long steps = m.steps();
            if (localDp && m.sampleRate != 1.0) {
                throw new IllegalArgumentException("--local-dp releases every update the client sends: there is no "
                        + "sampling amplification, so --sample-rate must be 1, got " + m.sampleRate);
            }
            double sigma = localDp ? noiseMultiplier / 2 : noiseMultiplier;
            DpCommandSupport.checkConversion(spec, m.accountant);
            if (!(m.accountant instanceof RenyiDpAccountant)) {
                EpsilonEstimate e = m.accountant.epsilon(sigma, m.sampleRate, steps, m.delta);
                return String.format(
                                Locale.ROOT,
                                "epsilon = %.6g at delta = %s (%s accountant; noise multiplier %s, sample rate %s, "
                                        + "%d steps)",
                                e.epsilon(),
                                m.delta,
                                e.accountant(),
                                noiseMultiplier,
                                m.sampleRate,
                                steps)
                        + (localDp ? " (local DP: sensitivity 2C)" : "")
                        + DpCommandSupport.bounds(e, m.accountant);
            }
            PrivacySpent spent = RdpAccountant.privacySpent(sigma, m.sampleRate, steps, m.delta, m.conversion);
            return String.format(
                            Locale.ROOT,
                            "epsilon = %.6g at delta = %s (best order %s, %s conversion; noise "
                                    + "multiplier %s, sample rate %s, %d steps)",
                            spent.epsilon(),
                            m.delta,
                            spent.bestOrder(),
                            DpCommandSupport.lower(m.conversion),
                            noiseMultiplier,
                            m.sampleRate,
                            steps)
                    + (localDp ? " (local DP: sensitivity 2C)" : "");
        });
    }
}
