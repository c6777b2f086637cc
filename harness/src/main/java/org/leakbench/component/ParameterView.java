package org.leakbench.component;

/**
 * Read access to the typed parameter values of one point, by dotted name. Factories read their settings
 * through this view, so they do not depend on where the values came from (a sweep point, a command line).
 */
public interface ParameterView {
    /** The value of {@code name} (Integer, Double, String, Boolean or List), or an error naming it. */
    Object get(String name);

    /** The value of an enum or string parameter. */
    default String string(String name) {
        return String.valueOf(get(name));
    }

    /** The value of an int parameter. */
    default int intValue(String name) {
        return ((Number) get(name)).intValue();
    }

    /** The value of a numeric parameter. */
    default double doubleValue(String name) {
        return ((Number) get(name)).doubleValue();
    }

    /** The value of a bool parameter. */
    default boolean boolValue(String name) {
        return (Boolean) get(name);
    }
}
