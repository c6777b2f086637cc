package org.leakbench.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.RunFolders;
import org.leakbench.sweep.SweepPoint;

/**
 * The expected cost of a sweep point, in arbitrary but consistent units. Without timings it is the victim model's
 * multiply-adds per example × the batch × the iterations the point runs (attack iterations × restarts for the
 * optimising attacks, FL rounds × clients × local steps × local batch for the utility training, members × epochs
 * for a membership target). With an earlier run's {@code results.csv}, a point timed there costs its
 * {@code time_ms}, and the estimate of an untimed point is scaled to milliseconds by the ratio of the two over the
 * points timed.
 */
public final class CostModel {
    private static final Set<String> OPTIMISING = Set.of("dlg", "idlg", "ig");
    private static final Set<String> MEMBERSHIP = Set.of("mia-loss", "mia-gradnorm", "lira");

    private final Map<String, Double> timings;
    private final double scale;
    private final String source;

    private CostModel(Map<String, Double> timings, double scale, String source) {
        this.timings = timings;
        this.scale = scale;
        this.source = source;
    }

    /** Costs from the model-size estimate alone. */
    public static CostModel estimate() {
        return new CostModel(Map.of(), 1.0, "estimate: model multiply-adds x batch x iterations");
    }

    /**
     * Costs from the {@code time_ms} column of an earlier run (a run folder or its results.csv) for the points
     * of {@code points} it timed; the others get the estimate scaled to milliseconds.
     *
     * @throws IllegalArgumentException when the file has no time_ms column or times none of these points
     */
    public static CostModel fromTimings(Path run, List<SweepPoint> points) throws IOException {
        Path csv = RunFolders.resolve(run).resolve(RunLayout.RESULTS);
        ResultTable table = ResultTable.read(csv);
        int time = table.column(Metric.TIME_MS.column());
        if (time < 0) {
            throw new IllegalArgumentException(csv + ": no " + Metric.TIME_MS.column() + " column to take costs from");
        }
        Map<String, Double> timings = new HashMap<>();
        for (List<String> row : table.latest()) {
            try {
                timings.put(table.key(row), Math.max(1.0, Double.parseDouble(row.get(time))));
            } catch (NumberFormatException e) {
                // an empty or non-numeric time: the point is estimated instead
            }
        }
        double timed = 0;
        double estimated = 0;
        for (SweepPoint p : points) {
            Double t = timings.get(key(p));
            if (t != null) {
                timed += t;
                estimated += estimateOf(p);
            }
        }
        if (estimated == 0) {
            throw new IllegalArgumentException(csv + " times none of the sweep's " + points.size()
                    + " points (no matching point_id and seed); plan without --costs-from");
        }
        return new CostModel(timings, timed / estimated, "timings: " + csv);
    }

    /** Where the costs come from, for the plan file. */
    public String source() {
        return source;
    }

    /** The expected cost of {@code p}. */
    public double cost(SweepPoint p) {
        Double t = timings.get(key(p));
        return t != null ? t : estimateOf(p) * scale;
    }

    static String key(SweepPoint p) {
        return p.pointId() + "|" + p.seed();
    }

    /** Multiply-adds per example × batch × iterations, summed over what the point runs. */
    static double estimateOf(SweepPoint p) {
        double macs = ModelWork.multiplyAdds(p);
        String attack = p.string("attack");
        double work;
        if (MEMBERSHIP.contains(attack) || "property".equals(attack)) {
            work = (double) number(p, "mia.members", 100)
                    * number(p, "mia.epochs", 100)
                    * ("lira".equals(attack) ? 8 : 1);
        } else {
            double iterations = OPTIMISING.contains(attack)
                    ? (double) number(p, "attack.iterations", 300) * number(p, "attack.restarts", 1)
                    : 1;
            double training = (double) number(p, "fl.rounds", 1)
                    * number(p, "fl.clients", 1)
                    * number(p, "fl.local-steps", 1)
                    * number(p, "fl.local-batch", 32);
            // forward, backward and (for gradient matching) the second backward: about 3 passes per iteration
            work = 3 * number(p, "batch", 1) * iterations + 2 * training;
        }
        return Math.max(1.0, macs * work);
    }

    private static long number(SweepPoint p, String name, long fallback) {
        Object v = p.params().get(name);
        return v instanceof Number n ? Math.max(1, n.longValue()) : fallback;
    }
}
