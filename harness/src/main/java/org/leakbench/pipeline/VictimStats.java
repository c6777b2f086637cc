package org.leakbench.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.stats.Bootstrap;
import org.leakbench.results.stats.Summary;

/**
 * A point's row from its victims: the mean of every leakage metric (in the usual {@code psnr}, {@code ssim}, ...
 * columns), the median and percentile-bootstrap 95 % interval of the mean for PSNR and SSIM, and success rates in
 * the manner of attack papers that report the share of victims recovered: {@code psnr_success} and
 * {@code ssim_success} are the shares of victims at or above {@code success.psnr} / {@code success.ssim}, and
 * {@code label_exact} the share whose whole label multiset was recovered. Statistics are over the victims whose
 * attack ran to the end ({@code n_victims}); a diverged attack is an attack failure, not a success of the
 * defense, so it is left out of numerators and denominators alike (victims.csv keeps it).
 */
final class VictimStats {
    private VictimStats() {}

    /** Puts the aggregate columns of {@code scores} into {@code m}; returns the row's status. */
    static String aggregate(
            List<VictimScore> scores, double psnrThreshold, double ssimThreshold, Map<String, Object> m) {
        List<VictimScore> ok = scores.stream().filter(VictimScore::ok).toList();
        m.put(Metric.N_VICTIMS.column(), (double) ok.size());
        if (ok.isEmpty()) {
            return ResultColumns.DIVERGED; // nothing was measured: no leakage value may read as a defense that worked
        }
        List<VictimScore> used = ok;
        m.put(Metric.PSNR.column(), mean(used, VictimScore::psnr));
        m.put(Metric.SSIM.column(), mean(used, VictimScore::ssim));
        m.put(Metric.MSE.column(), mean(used, VictimScore::mse));
        m.put(Metric.LABEL_ACC.column(), mean(used, VictimScore::labelAcc));
        m.put(Metric.RECOVERED_FRAC.column(), mean(used, VictimScore::recoveredFrac));
        m.put(Metric.TOKEN_ACC.column(), mean(used, VictimScore::tokenAcc));
        m.put(Metric.TOKEN_F1.column(), mean(used, VictimScore::tokenF1));
        m.put(Metric.ROUGE_1.column(), mean(used, VictimScore::rouge1));
        m.put(Metric.ROUGE_2.column(), mean(used, VictimScore::rouge2));
        m.put(Metric.TOKEN_EXACT.column(), mean(used, VictimScore::tokenExact));
        spread(ok, VictimScore::psnr, Metric.PSNR_MEDIAN, Metric.PSNR_CI_LOW, Metric.PSNR_CI_HIGH, m);
        spread(ok, VictimScore::ssim, Metric.SSIM_MEDIAN, Metric.SSIM_CI_LOW, Metric.SSIM_CI_HIGH, m);
        m.put(Metric.PSNR_SUCCESS.column(), rate(ok, VictimScore::psnr, psnrThreshold));
        m.put(Metric.SSIM_SUCCESS.column(), rate(ok, VictimScore::ssim, ssimThreshold));
        m.put(Metric.LABEL_EXACT.column(), rate(ok, VictimScore::labelAcc, 1.0));
        return ok.isEmpty() ? ResultColumns.DIVERGED : ResultColumns.OK;
    }

    private static void spread(
            List<VictimScore> ok,
            ToDoubleFunction<VictimScore> f,
            Metric median,
            Metric low,
            Metric high,
            Map<String, Object> m) {
        double[] v = values(ok, f);
        Summary s = Summary.of(v);
        m.put(median.column(), s.n() == 0 ? null : s.median());
        Bootstrap ci = Bootstrap.meanCi95(v);
        m.put(low.column(), ci == null ? null : ci.low());
        m.put(high.column(), ci == null ? null : ci.high());
    }

    /** The share of victims with a measured value at or above {@code threshold}; null when none measured it. */
    private static Double rate(List<VictimScore> ok, ToDoubleFunction<VictimScore> f, double threshold) {
        double[] v = values(ok, f);
        if (v.length == 0) {
            return null;
        }
        long hits = java.util.Arrays.stream(v).filter(x -> x >= threshold).count();
        return (double) hits / v.length;
    }

    private static Double mean(List<VictimScore> scores, ToDoubleFunction<VictimScore> f) {
        double[] v = values(scores, f);
        return v.length == 0 ? null : Summary.mean(v);
    }

    private static double[] values(List<VictimScore> scores, ToDoubleFunction<VictimScore> f) {
        return scores.stream().mapToDouble(f).filter(x -> !Double.isNaN(x)).toArray();
    }
}
