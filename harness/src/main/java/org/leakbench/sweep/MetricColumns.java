package org.leakbench.sweep;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric columns of {@code results.csv}, fixed before a sweep starts so the header never changes. An
 * executor may return any subset; a name not listed here is rejected. The runner itself fills
 * {@link #TIME_MS}, {@link #PEAK_HEAP_MB} and {@link #OFFHEAP_MB}.
 */
public final class MetricColumns {
    public static final String TIME_MS = "time_ms";
    public static final String PEAK_HEAP_MB = "peak_heap_mb";
    public static final String OFFHEAP_MB = "offheap_mb";
    /** The key an executor may set to report {@code diverged} (or {@code ok}) instead of metrics alone. */
    public static final String STATUS = "status";

    /** Every metric column, in CSV order. */
    public static final List<String> ALL = List.of(
            "psnr", "ssim", "mse", "label_acc", "recovered_frac",
            "mia_auc", "mia_tpr_1pct_fpr", "mia_tpr_01pct_fpr", "pi_auc",
            "epsilon", "delta", "accuracy",
            "epsilon_approx", // 1: epsilon is only the Poisson approximation of shuffled/fixed-size sampling
            TIME_MS, "attack_ms", "defense_ms", "bytes_up", "bytes_down", PEAK_HEAP_MB, OFFHEAP_MB, "params",
            // over a point's victims (psnr, ssim, ... above are their means); per-victim values in victims.csv
            "n_victims", "psnr_median", "psnr_ci_low", "psnr_ci_high", "ssim_median", "ssim_ci_low", "ssim_ci_high",
            "psnr_success", "ssim_success", "label_exact");

    /** Columns that depend on the machine's timing and memory, ignored when comparing runs for determinism. */
    public static final Set<String> MACHINE_DEPENDENT = Set.of(TIME_MS, "attack_ms", "defense_ms", PEAK_HEAP_MB,
            OFFHEAP_MB);

    private MetricColumns() {
    }

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
            if (STATUS.equals(k)) {
                if (!"ok".equals(v) && !"diverged".equals(v)) {
                    throw new IllegalArgumentException("executor returned status '" + v
                            + "'; allowed: ok, diverged (throw an exception to fail a point)");
                }
            } else if (!ALL.contains(k)) {
                String guess = Values.closest(k, ALL);
                throw new IllegalArgumentException("executor returned unknown metric '" + k + "'"
                        + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; known: "
                        + String.join(", ", ALL));
            } else if (v != null && !(v instanceof Number)) {
                throw new IllegalArgumentException("metric '" + k + "' must be a number, got '" + v + "'");
            }
        }
    }
}
