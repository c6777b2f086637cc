package org.leakbench.autodiff;

/**
 * Whether operations record the graph (per thread). Backward passes that do not need a graph of their
 * own run with recording off, so first-order gradients cost no extra memory.
 */
final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    static boolean enabled() {
        return ENABLED.get()[0];
    }

    /** Sets the mode and returns the previous one. */
    static boolean set(boolean on) {
        boolean[] s = ENABLED.get();
        boolean old = s[0];
        s[0] = on;
        return old;
    }
}
