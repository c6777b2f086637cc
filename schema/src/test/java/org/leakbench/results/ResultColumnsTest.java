package org.leakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultColumnsTest {
    /**
     * The metric columns in the order every results.csv so far was written: a change here changes the bytes of
     * every new results file and breaks resuming and merging older runs, so it must be deliberate.
     */
    @Test
    void metricColumnsKeepTheirWrittenOrder() {
        assertEquals(
                List.of(
                        "psnr",
                        "ssim",
                        "mse",
                        "label_acc",
                        "recovered_frac",
                        "mia_auc",
                        "mia_tpr_1pct_fpr",
                        "mia_tpr_01pct_fpr",
                        "pi_auc",
                        "epsilon",
                        "delta",
                        "accuracy",
                        "epsilon_approx",
                        "time_ms",
                        "attack_ms",
                        "defense_ms",
                        "bytes_up",
                        "bytes_down",
                        "peak_heap_mb",
                        "offheap_mb",
                        "params",
                        "n_victims",
                        "psnr_median",
                        "psnr_ci_low",
                        "psnr_ci_high",
                        "ssim_median",
                        "ssim_ci_low",
                        "ssim_ci_high",
                        "psnr_success",
                        "ssim_success",
                        "label_exact",
                        "token_acc",
                        "token_f1",
                        "test_loss",
                        "perplexity",
                        "epsilon_audit",
                        "epsilon_audit_confidence",
                        "bits_per_coord",
                        "encode_ms",
                        "rouge1",
                        "rouge2",
                        "token_exact",
                        "mia_auc_ci_low",
                        "mia_auc_ci_high",
                        "mia_tpr_1pct_ci_low",
                        "mia_tpr_1pct_ci_high",
                        "mia_tpr_01pct_ci_low",
                        "mia_tpr_01pct_ci_high",
                        "norm_median",
                        "norm_p90",
                        "clip_final",
                        "clip_median",
                        "recovered_expected"),
                ResultColumns.METRICS);
    }

    @Test
    void headerIsIdentityParametersMetricsStatus() {
        List<String> h = ResultColumns.header(List.of("attack", "defense_param"));
        assertEquals(List.of("point_id", "seed", "attack", "defense_param", "psnr"), h.subList(0, 5));
        assertEquals("status", h.get(h.size() - 1));
        assertEquals(2 + 2 + ResultColumns.METRICS.size() + 1, h.size());
        assertEquals(h.size(), new HashSet<>(h).size(), "no column twice");
    }

    @Test
    void parametersMapToColumnsWithUnderscores() {
        assertEquals("defense_param", ResultColumns.parameterColumn("defense.param"));
        assertEquals("fl_local_steps", ResultColumns.parameterColumn("fl.local-steps"));
        assertEquals("batch", ResultColumns.parameterColumn("batch"));
    }

    @Test
    void reservedNamesAreTheFixedAndMetricColumns() {
        assertTrue(ResultColumns.reserved("status"));
        assertTrue(ResultColumns.reserved("psnr_ci_low"));
        assertFalse(ResultColumns.reserved("defense_param"));
    }

    @Test
    void onlyOkAndDivergedAreFinal() {
        assertTrue(ResultColumns.isFinal("ok"));
        assertTrue(ResultColumns.isFinal("diverged"));
        assertFalse(ResultColumns.isFinal("timeout"));
        assertFalse(ResultColumns.isFinal("failed: out of memory"));
    }

    @Test
    void machineDependentColumnsAreCostMetrics() {
        for (String c : ResultColumns.MACHINE_DEPENDENT) {
            assertEquals(Metric.Kind.COST, Metric.byColumn(c).orElseThrow().kind(), c);
        }
    }
}
