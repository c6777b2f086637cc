package org.leakbench.sweep;

/**
 * One problem found in a sweep file.
 *
 * @param file file name (or preset name) the problem is in
 * @param line 1-based line number, 0 when unknown
 * @param key dotted key at fault, e.g. {@code grid.attack}
 * @param message what is wrong and what is allowed
 */
public record SweepError(String file, int line, String key, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + key + ": " + message;
    }
}
