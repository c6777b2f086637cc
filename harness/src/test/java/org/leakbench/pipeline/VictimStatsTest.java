package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leakbench.sweep.ExecutorMetrics;

class VictimStatsTest {
    private static VictimScore v(int i, String status, double psnr, double ssim, double labelAcc) {
        return new VictimScore(
                i,
                new int[] {i},
                status,
                psnr,
                ssim,
                1.0 / (1 + psnr),
                labelAcc,
                psnr >= 30 ? 1 : 0,
                5.0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    @Test
    void rowReportsMeanMedianIntervalAndRatesOverTheVictims() {
        List<VictimScore> s = List.of(
                v(0, "ok", 10, 0.1, 1), v(1, "ok", 20, 0.4, 0.5), v(2, "ok", 25, 0.6, 1), v(3, "ok", 65, 0.99, 1));
        Map<String, Object> m = new LinkedHashMap<>();
        assertEquals("ok", VictimStats.aggregate(s, 20.0, 0.5, m));
        ExecutorMetrics.check(m);
        assertEquals(4.0, m.get("n_victims"));
        assertEquals(30.0, (Double) m.get("psnr"), 1e-12);
        assertEquals(22.5, (Double) m.get("psnr_median"), 1e-12);
        assertEquals(0.75, (Double) m.get("psnr_success"), 1e-12, "20, 25 and 65 dB reach the 20 dB threshold");
        assertEquals(0.5, (Double) m.get("ssim_success"), 1e-12);
        assertEquals(0.75, (Double) m.get("label_exact"), 1e-12);
        assertEquals(0.25, (Double) m.get("recovered_frac"), 1e-12);
        double lo = (Double) m.get("psnr_ci_low");
        double hi = (Double) m.get("psnr_ci_high");
        assertTrue(lo >= 10 && lo < 30 && hi > 30 && hi <= 65, lo + ".." + hi);
    }

    @Test
    void thresholdsAreParameters() {
        List<VictimScore> s = List.of(v(0, "ok", 10, 0.1, 1), v(1, "ok", 20, 0.4, 1), v(2, "ok", 65, 0.9, 1));
        Map<String, Object> m = new LinkedHashMap<>();
        VictimStats.aggregate(s, 30.0, 0.95, m);
        assertEquals(1.0 / 3, (Double) m.get("psnr_success"), 1e-12);
        assertEquals(0.0, (Double) m.get("ssim_success"), 1e-12);
    }

    @Test
    void aDivergedAttackIsNeitherASuccessNorADefenseWin() {
        List<VictimScore> s = List.of(v(0, "ok", 40, 0.9, 1), v(1, "diverged", 5, 0.0, 0), v(2, "ok", 30, 0.8, 1));
        Map<String, Object> m = new LinkedHashMap<>();
        assertEquals("ok", VictimStats.aggregate(s, 20.0, 0.5, m));
        assertEquals(2.0, m.get("n_victims"));
        assertEquals(35.0, (Double) m.get("psnr"), 1e-12, "the diverged victim's 5 dB is not averaged in");
        assertEquals(1.0, (Double) m.get("psnr_success"), 1e-12);
    }

    @Test
    void allDivergedMarksTheRowDiverged() {
        Map<String, Object> m = new LinkedHashMap<>();
        assertEquals("diverged", VictimStats.aggregate(List.of(v(0, "diverged", 5, 0.1, 0)), 20.0, 0.5, m));
        assertEquals(0.0, m.get("n_victims"));
        assertNull(m.get("psnr_success"));
    }

    @Test
    void oneVictimHasAMedianButNoInterval() {
        Map<String, Object> m = new LinkedHashMap<>();
        VictimStats.aggregate(List.of(v(0, "ok", 33, Double.NaN, Double.NaN)), 20.0, 0.5, m);
        assertEquals(33.0, (Double) m.get("psnr_median"), 0);
        assertNull(m.get("psnr_ci_low"));
        assertNull(m.get("ssim"), "non-image data has no SSIM");
        assertNull(m.get("label_exact"));
    }
}
