package org.leakbench.data;

import java.nio.file.Path;

/**
 * The data folder a user gave on the command line ({@code --data-dir}), kept as the system property
 * {@code leakbench.data.dir} so that every point of a run sees it. Null when not given, in which case
 * {@link Datasets} falls back to the environment variables and the Debian location.
 */
public final class DataDirectory {
    public static final String PROPERTY = "leakbench.data.dir";

    private DataDirectory() {}

    public static void set(Path dir) {
        if (dir != null) {
            System.setProperty(PROPERTY, dir.toAbsolutePath().toString());
        }
    }

    public static Path get() {
        String v = System.getProperty(PROPERTY);
        return v == null || v.isBlank() ? null : Path.of(v);
    }
}
