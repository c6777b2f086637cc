package org.leakbench.tensor;

import java.util.List;
import java.util.Locale;

/** Chooses a {@link Backend} by name. The ND4J backend is created lazily: loading it starts native code. */
public final class Backends {
    /** Backend names a user may give. */
    public static final List<String> NAMES = List.of(JavaBackend.NAME, Nd4jBackend.NAME);

    private static volatile JavaBackend java;
    private static volatile Backend nd4j;

    private Backends() {
    }

    /** The backend called {@code name} ("ejml" or "nd4j"), or a clear error listing the choices. */
    public static Backend get(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case JavaBackend.NAME, "java" -> java();
            case Nd4jBackend.NAME -> nd4j();
            default -> throw new IllegalArgumentException("unknown backend '" + name + "'; choose one of " + NAMES);
        };
    }

    /** The default backend: the fastest for this project's latency-bound models, the pure-Java one. */
    public static Backend defaultBackend() {
        return java();
    }

    /** Made on first use, so a bad thread setting is reported where the backend is asked for. */
    private static JavaBackend java() {
        JavaBackend b = java;
        if (b == null) {
            synchronized (Backends.class) {
                if (java == null) {
                    java = new JavaBackend();
                }
                b = java;
            }
        }
        return b;
    }

    private static Backend nd4j() {
        Backend b = nd4j;
        if (b == null) {
            synchronized (Backends.class) {
                if (nd4j == null) {
                    nd4j = Nd4jBackend.create();
                }
                b = nd4j;
            }
        }
        return b;
    }
}
