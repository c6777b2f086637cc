package org.leakbench.plots;

import java.util.Locale;
import java.util.Set;

/** Names for defense families and their numeric knob, as they appear in labels. */
final class Defenses {
    static final String NONE = "none";
    // Families whose defense_param the harness ignores: their points carry no knob label.
    private static final Set<String> NO_KNOB = Set.of("none", "secagg", "secagg+", "sign");

    private Defenses() {
    }

    static boolean isNone(String defense) {
        return defense == null || defense.isBlank() || NONE.equalsIgnoreCase(defense);
    }

    static boolean hasKnob(String defense) {
        return !isNone(defense) && !NO_KNOB.contains(defense.toLowerCase(Locale.ROOT));
    }

    /** The symbol of a family's knob: σ for noise multipliers, keep for top-k, bits for quantization. */
    static String knob(String defense) {
        return switch (defense.toLowerCase(Locale.ROOT)) {
            case "dp-sgd", "client-dp", "local-dp", "dp-fedavg" -> "σ";
            case "noise" -> "var";
            case "laplace" -> "b";
            case "prune" -> "pruned";
            case "topk", "randomk" -> "keep";
            case "quant" -> "bits";
            default -> hasKnob(defense) ? "p" : "";
        };
    }

    /** What the knob is, with its unit, for an axis title. */
    static String knobAxis(String defense) {
        return switch (defense.toLowerCase(Locale.ROOT)) {
            case "dp-sgd", "client-dp", "local-dp", "dp-fedavg" -> "noise multiplier σ";
            case "noise" -> "noise variance";
            case "laplace" -> "Laplace scale b";
            case "prune" -> "fraction pruned";
            case "topk", "randomk" -> "fraction kept";
            case "quant" -> "bits per entry";
            default -> "defense_param";
        };
    }

    /** "σ=0.5", or the empty string when the family has no numeric knob. */
    static String label(String defense, double param) {
        return Double.isNaN(param) || !hasKnob(defense) ? "" : knob(defense) + "=" + Numbers.compact(param);
    }
}
