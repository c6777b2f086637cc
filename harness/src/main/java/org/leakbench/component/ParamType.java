package org.leakbench.component;

/** The value type of a sweep parameter. */
public enum ParamType {
    /** A whole number (stored as {@link Integer}). */
    INT,
    /** A real number (stored as {@link Double}). */
    DOUBLE,
    /** One of a fixed list of names (stored as {@link String}). */
    ENUM,
    /** true or false (stored as {@link Boolean}). */
    BOOL,
    /** A list of numbers or names, e.g. layer widths (stored as an unmodifiable {@link java.util.List}). */
    LIST,
    /** Free text such as a file name (stored as {@link String}); the empty text usually means "not set". */
    TEXT;

    /** The lower-case name used in messages and documentation. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
