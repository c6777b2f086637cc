package org.leakbench.tensor;

/** Reads a per-op thread count from a system property, as both backends take theirs. */
public final class ThreadsProperty {
    public static final int MAX = 1024;

    private ThreadsProperty() {}

    /** The count the property asks for: 1 when unset, a clear error naming the property when not 1 to 1024. */
    public static int read(String property) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "system property " + property + " must be a whole number from 1 to " + MAX + ", got '" + v + "'");
    }
}
