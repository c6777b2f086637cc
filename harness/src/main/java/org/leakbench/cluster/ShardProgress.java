package org.leakbench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.results.Metric;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.SweepPoint;

/**
 * How far one shard has got, read from its own {@code results.csv}: points done (ok or diverged), points whose
 * latest row failed or timed out, the summed point time, and an ETA from the shard's own pace weighted by the
 * expected cost of what is left.
 *
 * @param index shard index
 * @param device "cpu" or "gpu"
 * @param total points planned
 * @param done points with an ok or diverged row
 * @param failed points whose latest row is failed or timeout
 * @param pointMillis summed time_ms of the points with rows
 * @param etaSeconds expected seconds to finish at this pace, or -1 when nothing is done yet
 * @param node the node recorded in the shard's provenance, or ""
 */
public record ShardProgress(
        int index, String device, int total, int done, int failed, long pointMillis, long etaSeconds, String node) {

    /** Whether every planned point has an ok or diverged row. */
    public boolean complete() {
        return done == total;
    }

    /** Whether the shard must run again: points missing or failed. */
    public boolean unfinished() {
        return done < total;
    }

    /** The progress of every shard of {@code run}. */
    public static List<ShardProgress> of(ClusterRun run, ShardPlan plan) throws IOException {
        Map<String, SweepPoint> points = new HashMap<>();
        for (SweepPoint p : run.sweep().points()) {
            points.put(CostModel.key(p), p);
        }
        List<ShardProgress> out = new ArrayList<>();
        for (ShardPlan.Entry e : plan.shards()) {
            out.add(read(run.shardFolder(e.index()), e, points));
        }
        return out;
    }

    static ShardProgress read(Path folder, ShardPlan.Entry entry, Map<String, SweepPoint> points) throws IOException {
        Path csv = folder.resolve(RunLayout.RESULTS);
        Set<String> planned = Set.copyOf(entry.points());
        int done = 0;
        int failed = 0;
        long millis = 0;
        double doneCost = 0;
        Set<String> finished = new java.util.HashSet<>();
        if (Files.isRegularFile(csv) && Files.size(csv) > 0) {
            ResultTable table = ResultTable.read(csv);
            int status = table.column(ResultColumns.STATUS);
            int time = table.column(Metric.TIME_MS.column());
            for (List<String> row : table.latest()) {
                String key = table.key(row);
                if (!planned.contains(key)) {
                    continue;
                }
                String s = row.get(status);
                if (ResultColumns.isFinal(s)) {
                    done++;
                    finished.add(key);
                    SweepPoint p = points.get(key);
                    doneCost += p == null ? 0 : CostModel.estimateOf(p);
                } else {
                    failed++;
                }
                millis += parseLong(time < 0 ? "" : row.get(time));
            }
        }
        double leftCost = 0;
        for (String key : entry.points()) {
            SweepPoint p = points.get(key);
            if (!finished.contains(key) && p != null) {
                leftCost += CostModel.estimateOf(p);
            }
        }
        Map<String, Object> prov = provenance(folder);
        int threads = prov.get(ProvenanceFile.THREADS) instanceof Number n ? Math.max(1, n.intValue()) : 1;
        long eta = done == 0 || doneCost == 0 ? -1 : Math.round(millis / 1000.0 / threads * leftCost / doneCost);
        Object recorded = prov.get(ProvenanceFile.NODE);
        String node = recorded != null ? recorded.toString() : lastPlacementNode(folder);
        return new ShardProgress(
                entry.index(),
                entry.device(),
                entry.points().size(),
                done,
                failed,
                millis,
                done == entry.points().size() ? 0 : eta,
                node);
    }

    private static Map<String, Object> provenance(Path folder) {
        Path file = folder.resolve(RunLayout.PROVENANCE);
        try {
            return Files.isRegularFile(file) ? ProvenanceFile.read(file) : Map.of();
        } catch (IOException e) {
            return Map.of(); // being rewritten by the shard right now: no node or thread count this time
        }
    }

    /** The node of the shard's latest attempt from its placement.csv (a killed attempt writes no provenance). */
    private static String lastPlacementNode(Path folder) throws IOException {
        Path file = folder.resolve(ShardPlacement.FILE);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file);
        String[] cells =
                lines.isEmpty() ? new String[0] : lines.get(lines.size() - 1).split(",");
        return lines.size() > 1 && cells.length >= 4 ? cells[3] : "";
    }

    private static long parseLong(String s) {
        try {
            return s.isEmpty() ? 0 : (long) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
