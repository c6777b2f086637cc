package org.leakbench.sweep;

import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The result of running one point: its metrics (possibly empty) and status ({@code ok}, {@code diverged},
 * {@code timeout} or {@code failed: <one-line reason>}).
 *
 * @param metrics metric name to value, as returned by the executor plus the runner's own columns
 * @param status the status cell
 */
record PointOutcome(Map<String, Object> metrics, String status) {
    private static final int MAX_REASON = 200;

    /** A failure outcome whose reason is one line, short, and free of stack traces. */
    static PointOutcome failure(Throwable t) {
        return new PointOutcome(Map.of(), "failed: " + reason(t));
    }

    static String reason(Throwable t) {
        Throwable root = t;
        while ((root instanceof java.util.concurrent.ExecutionException
                        || root instanceof java.util.concurrent.CompletionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        String text;
        if (root instanceof OutOfMemoryError) {
            text = "out of memory (" + (msg == null ? "heap" : msg) + ")";
        } else if (root instanceof StackOverflowError) {
            text = "stack overflow";
        } else if (root instanceof CancellationException) {
            text = "cancelled";
        } else if (msg == null || msg.isBlank()) {
            text = root.getClass().getSimpleName();
        } else if (root instanceof IllegalArgumentException
                || root instanceof IllegalStateException
                || root instanceof UnsupportedOperationException
                || root.getClass().getName().startsWith("org.leakbench.")) { // our own messages say it all
            text = msg;
        } else {
            text = root.getClass().getSimpleName() + ": " + msg;
        }
        text = text.replaceAll("[\\r\\n\\t]+", " ").trim();
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON - 3) + "..." : text;
    }
}
