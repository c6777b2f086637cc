package org.leakbench.sweep;

import java.util.Map;

/**
 * Runs one sweep point and returns its metric columns. Called concurrently from several threads for different
 * points, so an implementation must be thread-safe; builds shared between points go through
 * {@link PointContext#shared}.
 */
public interface PointExecutor extends AutoCloseable {
    /**
     * Runs {@code point}.
     *
     * @return metric name to value (names from {@link org.leakbench.results.ResultColumns#METRICS}, values numbers
     *         or null); may contain
     *         {@code "status" -> "diverged"} when a privacy metric came out NaN or infinite
     * @throws Exception any failure; recorded as {@code failed: <message>} and the sweep continues
     */
    Map<String, Object> run(SweepPoint point, PointContext ctx) throws Exception;

    /** Releases resources once the sweep ends. */
    @Override
    default void close() throws Exception {}
}
