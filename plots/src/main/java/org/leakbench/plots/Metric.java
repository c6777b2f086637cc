package org.leakbench.plots;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metric columns of {@code results.csv} that LeakBench knows, with an axis label (and unit) and which
 * direction is better. Every other column, apart from {@code point_id}, {@code seed} and {@code status}, is a
 * sweep parameter.
 */
public enum Metric {
    PSNR("psnr", "PSNR of reconstruction (dB)", Kind.LEAKAGE, Better.LOWER),
    SSIM("ssim", "SSIM of reconstruction", Kind.LEAKAGE, Better.LOWER),
    MSE("mse", "MSE of reconstruction", Kind.LEAKAGE, Better.HIGHER),
    LABEL_ACC("label_acc", "label accuracy of attack", Kind.LEAKAGE, Better.LOWER),
    RECOVERED_FRAC("recovered_frac", "fraction of batch recovered", Kind.LEAKAGE, Better.LOWER),
    MIA_AUC("mia_auc", "membership-inference AUC", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_1PCT_FPR("mia_tpr_1pct_fpr", "MIA TPR at 1% FPR", Kind.LEAKAGE, Better.LOWER),
    MIA_TPR_01PCT_FPR("mia_tpr_01pct_fpr", "MIA TPR at 0.1% FPR", Kind.LEAKAGE, Better.LOWER),
    PI_AUC("pi_auc", "property-inference AUC", Kind.LEAKAGE, Better.LOWER),
    EPSILON("epsilon", "privacy budget epsilon", Kind.LEAKAGE, Better.LOWER),
    DELTA("delta", "privacy parameter delta", Kind.LEAKAGE, Better.LOWER),
    EPSILON_APPROX("epsilon_approx", "epsilon only Poisson-approximate (1) or exact (0)", Kind.LEAKAGE,
            Better.LOWER),
    ACCURACY("accuracy", "test accuracy", Kind.UTILITY, Better.HIGHER),
    TIME_MS("time_ms", "time per point (ms)", Kind.COST, Better.LOWER),
    ATTACK_MS("attack_ms", "attack time (ms)", Kind.COST, Better.LOWER),
    DEFENSE_MS("defense_ms", "defense time per update (ms)", Kind.COST, Better.LOWER),
    BYTES_UP("bytes_up", "upload per client and round (bytes)", Kind.COST, Better.LOWER),
    BYTES_DOWN("bytes_down", "download per client (bytes)", Kind.COST, Better.LOWER),
    PEAK_HEAP_MB("peak_heap_mb", "peak heap (MB)", Kind.COST, Better.LOWER),
    OFFHEAP_MB("offheap_mb", "off-heap memory (MB)", Kind.COST, Better.LOWER),
    PARAMS("params", "model parameters (count)", Kind.COST, Better.LOWER),
    N_VICTIMS("n_victims", "victims attacked per point (count)", Kind.COST, Better.HIGHER),
    PSNR_MEDIAN("psnr_median", "median PSNR over victims (dB)", Kind.LEAKAGE, Better.LOWER),
    PSNR_CI_LOW("psnr_ci_low", "PSNR 95% CI lower end (dB)", Kind.LEAKAGE, Better.LOWER),
    PSNR_CI_HIGH("psnr_ci_high", "PSNR 95% CI upper end (dB)", Kind.LEAKAGE, Better.LOWER),
    SSIM_MEDIAN("ssim_median", "median SSIM over victims", Kind.LEAKAGE, Better.LOWER),
    SSIM_CI_LOW("ssim_ci_low", "SSIM 95% CI lower end", Kind.LEAKAGE, Better.LOWER),
    SSIM_CI_HIGH("ssim_ci_high", "SSIM 95% CI upper end", Kind.LEAKAGE, Better.LOWER),
    PSNR_SUCCESS("psnr_success", "share of victims above the PSNR threshold", Kind.LEAKAGE, Better.LOWER),
    SSIM_SUCCESS("ssim_success", "share of victims above the SSIM threshold", Kind.LEAKAGE, Better.LOWER),
    LABEL_EXACT("label_exact", "share of victims with every label recovered", Kind.LEAKAGE, Better.LOWER);

    /** What a metric measures. */
    public enum Kind { LEAKAGE, UTILITY, COST }

    /** Which direction of a metric is the better one (for the defender). */
    public enum Better { LOWER, HIGHER }

    private final String column;
    private final String label;
    private final Kind kind;
    private final Better better;

    Metric(String column, String label, Kind kind, Better better) {
        this.column = column;
        this.label = label;
        this.kind = kind;
        this.better = better;
    }

    /** The column name in {@code results.csv}. */
    public String column() {
        return column;
    }

    /** An axis label, with the unit where there is one. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public Better better() {
        return better;
    }

    /** The metric stored in {@code column}, if it is a known metric column. */
    public static Optional<Metric> byColumn(String column) {
        return Arrays.stream(values()).filter(m -> m.column.equals(column)).findFirst();
    }

    /** The metric named by {@code column}, or a {@link PlotInputException} naming the file and column. */
    public static Metric require(String column, String file) {
        return byColumn(column).orElseThrow(() -> new PlotInputException(file, column, 0,
                "unknown metric '" + column + "'; known metrics: " + Arrays.toString(values())));
    }

    @Override
    public String toString() {
        return column;
    }
}
