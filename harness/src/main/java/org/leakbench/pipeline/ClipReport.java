package org.leakbench.pipeline;

import java.util.Arrays;
import java.util.Map;
import org.leakbench.defense.dp.NormHistogram;
import org.leakbench.results.Metric;

/**
 * How a DP row's clipping norm compares with what it clipped: the median and 90th percentile of the unclipped
 * norms seen during the federated training (per example for dp-sgd, per client update for dp-fedavg), and the
 * clipping norm at the end and its median over the rounds (both the configured C unless clipping is adaptive).
 * Clipping far below the norms scales every gradient down (a learning-rate cut); far above, it adds noise for no
 * bound that binds. {@link #NONE} for defenses that do not clip.
 */
record ClipReport(double normMedian, double normP90, double clipFinal, double clipMedian) {
    static final ClipReport NONE = new ClipReport(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** From the norms a training recorded and its clipping norms: the rounds' and the one it ended with. */
    static ClipReport of(NormHistogram norms, double[] roundClips, double finalClip) {
        double median = Double.NaN;
        if (roundClips.length > 0) {
            double[] sorted = roundClips.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
        return new ClipReport(norms.quantile(0.5), norms.quantile(0.9), finalClip, median);
    }

    /** Puts the measured values into the row; NaN values (not measured) stay out, so their cells stay empty. */
    void put(Map<String, Object> m) {
        put(m, Metric.NORM_MEDIAN, normMedian);
        put(m, Metric.NORM_P90, normP90);
        put(m, Metric.CLIP_FINAL, clipFinal);
        put(m, Metric.CLIP_MEDIAN, clipMedian);
    }

    private static void put(Map<String, Object> m, Metric metric, double v) {
        if (!Double.isNaN(v)) {
            m.put(metric.column(), v);
        }
    }
}
