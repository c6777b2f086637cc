package org.leakbench.results;

import java.util.List;

/**
 * The columns of {@code victims.csv}: one row per victim (one private batch) of every reconstruction point. A
 * victim is identified by its seed and test indices; the harness draws the same victims for every attack and
 * defense of a seed, so equal keys are the same private batch.
 */
public final class VictimColumns {
    public static final String VICTIM = "victim";
    /** The test-set indices of the victim's batch, separated by spaces. */
    public static final String INDICES = "indices";

    /** The metrics measured per victim, whose means, medians and intervals a results row holds. */
    public static final List<Metric> METRICS = List.of(
            Metric.PSNR,
            Metric.SSIM,
            Metric.MSE,
            Metric.LABEL_ACC,
            Metric.RECOVERED_FRAC,
            Metric.TOKEN_ACC,
            Metric.TOKEN_F1,
            Metric.ROUGE_1,
            Metric.ROUGE_2,
            Metric.TOKEN_EXACT);

    /** The header, in order. */
    public static final List<String> HEADER = List.of(
            ResultColumns.POINT_ID,
            ResultColumns.SEED,
            VICTIM,
            INDICES,
            Metric.PSNR.column(),
            Metric.SSIM.column(),
            Metric.MSE.column(),
            Metric.LABEL_ACC.column(),
            Metric.RECOVERED_FRAC.column(),
            Metric.ATTACK_MS.column(),
            Metric.TOKEN_ACC.column(),
            Metric.TOKEN_F1.column(),
            Metric.ROUGE_1.column(),
            Metric.ROUGE_2.column(),
            Metric.TOKEN_EXACT.column(),
            ResultColumns.STATUS);

    /** The columns a reader needs to key and filter victims. */
    public static final List<String> REQUIRED =
            List.of(ResultColumns.POINT_ID, ResultColumns.SEED, VICTIM, INDICES, ResultColumns.STATUS);

    private VictimColumns() {}
}
