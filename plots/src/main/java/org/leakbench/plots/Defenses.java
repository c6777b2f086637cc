package org.leakbench.plots;

import java.util.Locale;
import java.util.Set;

/** Names for defense families and their numeric knob, as they appear in labels. */
final class Defenses {
    static final String NONE = "none";
    // Families whose defense_param the harness ignores: their points carry no knob label.
    private static final Set<String> NO_KNOB = Set.of("none", "secagg", "secagg+", "sign", "ats");

    private Defenses() {}

    static boolean isNone(String defense) {
        return defense == null || defense.isBlank() || NONE.equalsIgnoreCase(defense);
    }

    static boolean hasKnob(String defense) {
        return !isNone(defense) && !NO_KNOB.contains(defense.toLowerCase(Locale.ROOT));
    }

    /** A known family's knob: its symbol in labels and what it is, with its unit, for an axis title. */
    private record Knob(String symbol, String axis) {}

    /** The knob of a known family, or null for any other defense. */
    private static Knob knownKnob(String defense) {
        return switch (defense.toLowerCase(Locale.ROOT)) {
            case "dp-sgd", "client-dp", "local-dp", "dp-fedavg" -> new Knob("σ", "noise multiplier σ");
            case "noise" -> new Knob("var", "noise variance");
            case "laplace" -> new Knob("b", "Laplace scale b");
            case "prune" -> new Knob("pruned", "fraction pruned");
            case "topk", "randomk" -> new Knob("keep", "fraction kept");
            case "quant" -> new Knob("bits", "bits per entry");
            case "soteria" -> new Knob("pruned", "fraction of representation pruned");
            case "mixup" -> new Knob("α", "MixUp concentration α");
            case "instahide" -> new Knob("k", "images per InstaHide encoding");
            case "precode" -> new Knob("β", "weight β of PRECODE's KL term");
            case "ddp-secagg" -> new Knob("ε", "privacy budget ε of distributed DP");
            default -> null;
        };
    }

    /** The symbol of a family's knob: σ for noise multipliers, keep for top-k, bits for quantization. */
    static String knob(String defense) {
        Knob k = knownKnob(defense);
        return k != null ? k.symbol() : hasKnob(defense) ? "p" : "";
    }

    /** What the knob is, with its unit, for an axis title. */
    static String knobAxis(String defense) {
        Knob k = knownKnob(defense);
        return k != null ? k.axis() : "defense_param";
    }

    /** "σ=0.5", or the empty string when the family has no numeric knob. */
    static String label(String defense, double param) {
        return Double.isNaN(param) || !hasKnob(defense) ? "" : knob(defense) + "=" + Numbers.compact(param);
    }
}
