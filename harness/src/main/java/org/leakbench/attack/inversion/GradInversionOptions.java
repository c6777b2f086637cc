package org.leakbench.attack.inversion;

import java.util.Locale;
import org.leakbench.tensor.DType;

/**
 * Settings of GradInversion (Yin et al. 2021): Adam iterations and step size, the number of restarts optimised
 * together as a group, and the weights of total variation, the batch-norm prior and group consistency. {@code
 * bnStats} is the threat model: which BatchNorm statistics the attacker matches.
 */
public record GradInversionOptions(
        int iterations,
        int restarts,
        double learningRate,
        double tvWeight,
        double bnWeight,
        double groupWeight,
        BnStats bnStats,
        DType dtype) {
    /** What the attacker knows of the victim batch's BatchNorm statistics. */
    public enum BnStats {
        /** The batch's own mean and variance per layer (a FedAvg client that sends its updated statistics). */
        KNOWN,
        /** Only the running averages the server sent with the model. */
        RUNNING,
        /** Nothing: the prior is off, which leaves Inverting Gradients with group consistency. */
        NONE;

        /** The value of {@code attack.bn-stats}: known, running or none. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static BnStats parse(String value) {
            for (BnStats s : values()) {
                if (s.value().equals(value)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("attack.bn-stats must be known, running or none, got '" + value + "'");
        }
    }

    public GradInversionOptions {
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("attack.iterations must be in [1, 1000000], got " + iterations);
        }
        if (restarts < 1 || restarts > 64) {
            throw new IllegalArgumentException("attack.restarts must be in [1, 64], got " + restarts);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("attack.lr must be finite and > 0, got " + learningRate);
        }
        check("attack.tv", tvWeight);
        check("attack.bn", bnWeight);
        check("attack.group", groupWeight);
        if (bnStats == null || dtype == null) {
            throw new IllegalArgumentException("gradinversion: attack.bn-stats and dtype must be given");
        }
    }

    private static void check(String name, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + weight);
        }
    }

    /** Whether the batch-norm prior takes part. */
    public boolean usesPrior() {
        return bnStats != BnStats.NONE && bnWeight > 0;
    }
}
