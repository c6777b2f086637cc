package org.leakbench.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.leakbench.metric.Bootstrap;
import org.leakbench.metric.Summary;

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
    private VictimStats() {
    }

    /** Puts the aggregate columns of {@code scores} into {@code m}; returns the row's status. */
    static String aggregate(List<VictimScore> scores, double psnrThreshold, double ssimThreshold,
                            Map<String, Object> m) {
        List<VictimScore> ok = scores.stream().filter(VictimScore::ok).toList();
        m.put("n_victims", (double) ok.size());
        if (ok.isEmpty()) {
            return "diverged"; // nothing was measured: no leakage value may read as a defense that worked
        }
        List<VictimScore> used = ok;
        m.put("psnr", mean(used, VictimScore::psnr));
        m.put("ssim", mean(used, VictimScore::ssim));
        m.put("mse", mean(used, VictimScore::mse));
        m.put("label_acc", mean(used, VictimScore::labelAcc));
        m.put("recovered_frac", mean(used, VictimScore::recoveredFrac));
        spread("psnr", ok, VictimScore::psnr, m);
        spread("ssim", ok, VictimScore::ssim, m);
        m.put("psnr_success", rate(ok, VictimScore::psnr, psnrThreshold));
        m.put("ssim_success", rate(ok, VictimScore::ssim, ssimThreshold));
        m.put("label_exact", rate(ok, VictimScore::labelAcc, 1.0));
        return ok.isEmpty() ? "diverged" : "ok";
    }

    private static void spread(String name, List<VictimScore> ok, ToDoubleFunction<VictimScore> f,
                               Map<String, Object> m) {
        double[] v = values(ok, f);
        Summary s = Summary.of(v);
        m.put(name + "_median", s.n() == 0 ? null : s.median());
        Bootstrap ci = Bootstrap.meanCi95(v);
        m.put(name + "_ci_low", ci == null ? null : ci.low());
        m.put(name + "_ci_high", ci == null ? null : ci.high());
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
