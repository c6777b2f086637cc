package org.leakbench.component;

import java.util.Objects;

/**
 * Another name a component answers to, e.g. an old name kept so that old sweep files run.
 *
 * @param name the other name
 * @param deprecation what to tell a user who writes it; empty when the name is simply a synonym
 */
public record Alias(String name, String deprecation) {
    public Alias {
        Objects.requireNonNull(name, "name");
        deprecation = deprecation == null ? "" : deprecation.strip();
    }

    /** Whether writing this name earns a warning. */
    public boolean deprecated() {
        return !deprecation.isEmpty();
    }
}
