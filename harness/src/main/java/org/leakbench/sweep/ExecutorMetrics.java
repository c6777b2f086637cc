package org.leakbench.sweep;

import java.util.Map;
import org.leakbench.results.ResultColumns;

/**
 * The check of what a point executor returned, before it becomes a {@code results.csv} row: every key is a
 * metric column of the schema ({@link ResultColumns#METRICS}) or {@code status}, so the header, fixed before the
 * sweep starts, never has to change.
 */
public final class ExecutorMetrics {
    private ExecutorMetrics() {}

    /**
     * Checks an executor's result: known metric names, numeric (or null) values, and a status that is absent,
     * {@code ok} or {@code diverged}.
     *
     * @throws IllegalArgumentException naming the offending key
     */
    public static void check(Map<String, Object> metrics) {
        for (Map.Entry<String, Object> e : metrics.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (ResultColumns.STATUS.equals(k)) {
                if (!ResultColumns.OK.equals(v) && !ResultColumns.DIVERGED.equals(v)) {
                    throw new IllegalArgumentException("executor returned status '" + v
                            + "'; allowed: ok, diverged (throw an exception to fail a point)");
                }
            } else if (!ResultColumns.METRICS.contains(k)) {
                String guess = Values.closest(k, ResultColumns.METRICS);
                throw new IllegalArgumentException("executor returned unknown metric '" + k + "'"
                        + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; known: "
                        + String.join(", ", ResultColumns.METRICS));
            } else if (v != null && !(v instanceof Number)) {
                throw new IllegalArgumentException("metric '" + k + "' must be a number, got '" + v + "'");
            }
        }
    }
}
