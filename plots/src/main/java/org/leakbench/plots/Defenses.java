package org.leakbench.plots;

import java.util.Locale;

/** Names for defense families and their numeric knob, as they appear in labels. */
final class Defenses {
    static final String NONE = "none";

    private Defenses() {
    }

    static boolean isNone(String defense) {
        return defense == null || defense.isBlank() || NONE.equalsIgnoreCase(defense);
    }

    /** The symbol of a family's knob: σ for noise multipliers, keep for top-k, bits for quantization. */
    static String knob(String defense) {
        return switch (defense.toLowerCase(Locale.ROOT)) {
            case "dp-sgd", "client-dp" -> "σ";
            case "noise" -> "var";
            case "laplace" -> "b";
            case "prune" -> "pruned";
            case "topk", "randomk" -> "keep";
            case "quant", "secagg", "secagg+" -> "bits";
            default -> "p";
        };
    }

    /** "σ=0.5", or the empty string when the family has no numeric knob. */
    static String label(String defense, double param) {
        return Double.isNaN(param) ? "" : knob(defense) + "=" + Numbers.compact(param);
    }
}
