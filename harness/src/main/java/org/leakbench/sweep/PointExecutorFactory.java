package org.leakbench.sweep;

/**
 * Creates the {@link PointExecutor} for a sweep. Implementations are found with {@link java.util.ServiceLoader}:
 * list the class in {@code META-INF/services/org.leakbench.sweep.PointExecutorFactory}.
 */
public interface PointExecutorFactory {
    /** The name used by {@code leakbench sweep --executor NAME} when several factories are registered. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Prepares an executor for {@code sweep} (check here that every point is supported, so problems show up
     * before anything runs).
     *
     * @throws IllegalArgumentException when the sweep asks for something this executor cannot do
     */
    PointExecutor create(Sweep sweep);
}
