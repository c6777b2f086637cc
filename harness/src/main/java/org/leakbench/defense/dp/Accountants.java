package org.leakbench.defense.dp;

import java.util.List;
import java.util.Locale;

/** The accountants by the names sweeps and the command line use. */
public final class Accountants {
    /** Accepted names, the default first. */
    public static final List<String> NAMES = List.of("rdp", "prv", "pld", "gdp");

    private Accountants() {}

    /** A fresh accountant with its default settings; names are case-insensitive. */
    public static Accountant named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "rdp" -> new RenyiDpAccountant();
            case "prv" -> new PrvAccountant();
            case "pld" -> new PldAccountant();
            case "gdp" -> new GdpAccountant();
            default ->
                throw new IllegalArgumentException(
                        "accountant must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
        };
    }
}
