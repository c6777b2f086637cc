package org.leakbench.sweep;

import org.leakbench.component.ValueText;

/** The one canonical text form of parameter and metric values, used in CSV cells and point ids. */
public final class Values {
    private Values() {}

    /** {@link ValueText#format}. */
    public static String format(Object value) {
        return ValueText.format(value);
    }

    /** {@link ValueText#editDistance}. */
    static int editDistance(String a, String b) {
        return ValueText.editDistance(a, b);
    }

    /** {@link ValueText#closest}. */
    static String closest(String word, Iterable<String> candidates) {
        return ValueText.closest(word, candidates);
    }
}
