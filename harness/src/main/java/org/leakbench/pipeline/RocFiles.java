package org.leakbench.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.leakbench.attack.membership.MembershipResult;
import org.leakbench.metric.RocBootstrap;
import org.leakbench.results.Metric;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.SweepPoint;

/**
 * What a membership point reports: its metrics with their bootstrap intervals in the row, its ROC points in
 * {@code roc.csv} and its bootstrap band in {@code roc_bands.csv}, one write per point so that a kill leaves
 * whole points or nothing.
 */
final class RocFiles {
    private static final Object LOCK = new Object();
    private static final String KEYS = "point_id,seed,attack,defense,defense_param,";

    private RocFiles() {}

    /** AUC and TPRs at 1% and 0.1% FPR with their intervals, into the row {@code m}. */
    static void putMetrics(Map<String, Object> m, MembershipResult r) {
        m.put(Metric.MIA_AUC.column(), r.auc());
        m.put(Metric.MIA_TPR_1PCT_FPR.column(), r.tprAt1Pct());
        m.put(Metric.MIA_TPR_01PCT_FPR.column(), r.tprAt01Pct());
        RocBootstrap.Result b = r.bootstrap();
        m.put(Metric.MIA_AUC_CI_LOW.column(), b.auc().low());
        m.put(Metric.MIA_AUC_CI_HIGH.column(), b.auc().high());
        m.put(Metric.MIA_TPR_1PCT_CI_LOW.column(), b.tprAt1Pct().low());
        m.put(Metric.MIA_TPR_1PCT_CI_HIGH.column(), b.tprAt1Pct().high());
        m.put(Metric.MIA_TPR_01PCT_CI_LOW.column(), b.tprAt01Pct().low());
        m.put(Metric.MIA_TPR_01PCT_CI_HIGH.column(), b.tprAt01Pct().high());
    }

    /** Appends the point's ROC points and bootstrap band to the run folder's files. */
    static void write(Path runFolder, SweepPoint p, MembershipResult r) throws IOException {
        String key = p.pointId()
                + ','
                + p.seed()
                + ','
                + p.string("attack")
                + ','
                + p.string("defense")
                + ','
                + p.doubleValue("defense.param")
                + ',';
        StringBuilder roc = new StringBuilder();
        for (int i = 0; i < r.roc().size(); i++) {
            roc.append(key)
                    .append(r.roc().fpr()[i])
                    .append(',')
                    .append(r.roc().tpr()[i])
                    .append('\n');
        }
        RocBootstrap.Band band = r.bootstrap().band();
        StringBuilder bands = new StringBuilder();
        for (int i = 0; i < band.fpr().length; i++) {
            bands.append(key)
                    .append(band.fpr()[i])
                    .append(',')
                    .append(band.tpr()[i])
                    .append(',')
                    .append(band.low()[i])
                    .append(',')
                    .append(band.high()[i])
                    .append('\n');
        }
        synchronized (LOCK) {
            append(runFolder.resolve(RunLayout.ROC), KEYS + "fpr,tpr\n", roc);
            append(runFolder.resolve(RunLayout.ROC_BANDS), KEYS + "fpr,tpr,tpr_low,tpr_high\n", bands);
        }
    }

    private static void append(Path file, String header, StringBuilder rows) throws IOException {
        boolean fresh = !Files.exists(file);
        try (Writer w = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            if (fresh) {
                w.write(header);
            }
            w.write(rows.toString());
        }
    }
}
