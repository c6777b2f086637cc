package org.leakbench.cli;

import java.util.Locale;
import org.leakbench.defense.dp.Accountant;
import org.leakbench.defense.dp.Accountants;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.DpChecks;
import org.leakbench.defense.dp.EpsilonEstimate;
import org.leakbench.defense.dp.RenyiDpAccountant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Pieces shared by the {@code epsilon} and {@code noise-multiplier} commands. */
final class DpCommandSupport {
    /** Exit code for bad input, as picocli uses for usage errors. */
    static final int BAD_INPUT = 2;

    private DpCommandSupport() {}

    /**
     * The options both commands take to describe a subsampled Gaussian mechanism run for some steps: rate,
     * length, δ and conversion (a picocli mixin).
     */
    static final class Mechanism {
        @Option(
                names = "--sample-rate",
                required = true,
                description = "Poisson sampling rate q of examples (DP-SGD) or clients (DP-FedAvg), in (0, 1].")
        double sampleRate;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Length length;

        @Option(names = "--delta", required = true, description = "Target delta, in (0, 1); usually below 1/N.")
        double delta;

        @Option(
                names = "--conversion",
                defaultValue = "improved",
                converter = ConversionConverter.class,
                description = "RDP to (epsilon, delta) conversion: 'improved' (Balle et al. 2020) or 'classic' "
                        + "(Mironov 2017); rdp accountant only. Default: ${DEFAULT-VALUE}.")
        Conversion conversion;

        @Option(
                names = "--accountant",
                defaultValue = "rdp",
                converter = AccountantConverter.class,
                description = "rdp (Renyi DP), prv (Gopi et al. 2021, with error bounds), pld (privacy-loss "
                        + "distributions, pessimistic) or gdp (Gaussian DP by the CLT: an approximation, not a "
                        + "bound). Default: ${DEFAULT-VALUE}.")
        Accountant accountant;

        /** The number of steps, from --steps or --epochs at the checked sample rate. */
        long steps() {
            DpChecks.sampleRate(sampleRate);
            return length.resolve(sampleRate);
        }
    }

    /** What a command computes: one line of output, or an IllegalArgumentException for bad input. */
    interface Computation {
        String compute();
    }

    /** Prints the computed line, or "command: problem" on stderr with {@link #BAD_INPUT}. */
    static int report(CommandSpec spec, Computation computation) {
        try {
            spec.commandLine().getOut().println(computation.compute());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return BAD_INPUT;
        }
    }

    /** Either {@code --steps} or {@code --epochs}, exactly one. */
    static final class Length {
        @Option(names = "--steps", required = true, description = "Number of noisy steps (rounds).")
        Long steps;

        @Option(
                names = "--epochs",
                required = true,
                description = "Number of epochs; steps = ceil(epochs / sample-rate), where a quotient within "
                        + "a relative 1e-9 of an integer counts as that integer (so 90 / 0.04 gives 2250).")
        Double epochs;

        long resolve(double sampleRate) {
            if (steps != null) {
                return DpChecks.steps(steps);
            }
            return stepsFromEpochs(epochs, sampleRate);
        }
    }

    /** ⌈epochs / q⌉, forgiving the float noise of a quotient that is meant to be whole. */
    static long stepsFromEpochs(double epochs, double sampleRate) {
        DpChecks.sampleRate(sampleRate);
        if (!(epochs >= 0) || Double.isInfinite(epochs)) {
            throw new IllegalArgumentException("epochs must be finite and >= 0, got " + epochs);
        }
        double x = epochs / sampleRate;
        double nearest = Math.rint(x);
        double steps = Math.abs(x - nearest) <= 1e-9 * x ? nearest : Math.ceil(x);
        if (steps > Long.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("epochs / sample-rate = " + x + " steps is too many");
        }
        return (long) steps;
    }

    /** Parses {@code improved} or {@code classic}, ignoring case. */
    static final class ConversionConverter implements ITypeConverter<Conversion> {
        @Override
        public Conversion convert(String value) {
            try {
                return Conversion.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("conversion must be 'improved' or 'classic', got '" + value + "'");
            }
        }
    }

    /** Parses an accountant name (rdp, prv, pld, gdp), ignoring case. */
    static final class AccountantConverter implements ITypeConverter<Accountant> {
        @Override
        public Accountant convert(String value) {
            try {
                return Accountants.named(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Refuses --conversion with an accountant that does not convert RDP. */
    static void checkConversion(CommandSpec spec, Accountant accountant) {
        if (!(accountant instanceof RenyiDpAccountant)
                && spec.commandLine().getParseResult().hasMatchedOption("--conversion")) {
            throw new IllegalArgumentException("--conversion applies to the rdp accountant only, not to "
                    + accountant.name() + "; drop it or use --accountant rdp");
        }
    }

    /** What an accountant adds after ε: its bracket for PRV and PLD, its caveat for GDP. */
    static String bounds(EpsilonEstimate e, Accountant accountant) {
        StringBuilder sb = new StringBuilder();
        if (e.bracketed()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "; %s bounds: %.6g <= epsilon <= %.6g%s",
                    e.accountant(),
                    e.lower(),
                    e.epsilon(),
                    e.estimate() != e.epsilon() ? String.format(Locale.ROOT, ", estimate %.6g", e.estimate()) : ""));
        }
        if (!accountant.caveat().isEmpty()) {
            sb.append("; caveat: ").append(accountant.caveat());
        }
        return sb.toString();
    }

    static String lower(Conversion c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
