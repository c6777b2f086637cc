package org.leakbench.cli;

import java.util.Locale;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.DpChecks;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Pieces shared by the {@code epsilon} and {@code noise-multiplier} commands. */
final class DpCommandSupport {
    /** Exit code for bad input, as picocli uses for usage errors. */
    static final int BAD_INPUT = 2;

    private DpCommandSupport() {
    }

    /** Either {@code --steps} or {@code --epochs}, exactly one. */
    static final class Length {
        @Option(names = "--steps", required = true, description = "Number of noisy steps (rounds).")
        Long steps;

        @Option(names = "--epochs", required = true,
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

    static String lower(Conversion c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
