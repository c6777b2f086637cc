package org.leakbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.leakbench.sweep.PointExecutorFactory;

/** Finds the {@link PointExecutorFactory} registered through {@link ServiceLoader}. */
final class ExecutorLookup {
    private ExecutorLookup() {}

    /**
     * The factory called {@code name}, or the only one registered when {@code name} is null.
     *
     * @throws IllegalArgumentException when none, or several without a name, or none with that name, is found
     */
    static PointExecutorFactory find(String name) {
        List<PointExecutorFactory> all = new ArrayList<>();
        ServiceLoader.load(PointExecutorFactory.class).forEach(all::add);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no point executor is registered (a PointExecutorFactory in "
                    + "META-INF/services/org.leakbench.sweep.PointExecutorFactory), so points cannot run; "
                    + "--dry-run lists them");
        }
        List<String> names = all.stream().map(PointExecutorFactory::name).toList();
        if (name == null) {
            if (all.size() > 1) {
                throw new IllegalArgumentException("several point executors are registered; choose one with "
                        + "--executor: " + String.join(", ", names));
            }
            return all.get(0);
        }
        return all.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no point executor called '" + name + "'; registered: " + String.join(", ", names)));
    }
}
