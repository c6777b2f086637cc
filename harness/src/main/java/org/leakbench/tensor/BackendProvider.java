package org.leakbench.tensor;

import java.util.List;

/**
 * How a backend makes itself known to {@link Backends}: its name, the older names it still answers to, and a
 * way to create it. Implementations are listed in {@code META-INF/services/org.leakbench.tensor.BackendProvider}
 * and found with {@link java.util.ServiceLoader}, so this package never names its implementations. A provider
 * must be cheap to load: {@link #create()} is where native code may start.
 */
public interface BackendProvider {
    /** The name a user selects the backend by, in lower case. */
    String name();

    /** Former names that still select it (old sweep files, scripts), in lower case. */
    default List<String> aliases() {
        return List.of();
    }

    /** A new backend; a {@link BackendUnavailableException} when it cannot start on this machine. */
    Backend create();
}
