package org.leakbench.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.sweep.SweepRunner;
import org.leakbench.sweep.SystemInfo;

/**
 * Splits a sweep into cost-balanced shards. Groups (points sharing expensive parameters and seed) are the units,
 * so shared builds are not repeated; a group costlier than a quarter of the mean shard is cut into consecutive
 * pieces. Pieces are then placed by longest-processing-time-first (Graham 1969): the costliest piece goes to the
 * least loaded shard. Greedy placement keeps every shard below the mean plus the largest piece, so with pieces of
 * at most a quarter of the mean the slowest shard stays within 1.25× the mean whenever the sweep has enough
 * points. Ties break by sweep order and shard index, so the same sweep always gives the same plan.
 *
 * <p>With GPU shards, points on the {@code nd4j} backend are planned onto the GPU shards and the rest onto the CPU
 * shards; the shard count is split between the two in proportion to their expected cost.
 */
public final class ShardPlanner {
    /** Largest piece as a fraction of the mean shard cost. */
    static final double MAX_PIECE = 0.25;

    private ShardPlanner() {}

    /** A run of consecutive points of one group, with their summed cost. */
    private record Piece(int order, List<SweepPoint> points, double cost) {}

    /**
     * The plan of {@code shards} shards; with {@code gpus}, nd4j points go to GPU shards.
     *
     * @throws IllegalArgumentException when there are more shards than points, or GPU shards were asked for but
     *         no point runs on nd4j
     */
    public static ShardPlan plan(Sweep sweep, int shards, boolean gpus, CostModel costs) {
        List<SweepPoint> points = sweep.points();
        if (shards < 1) {
            throw new IllegalArgumentException("--shards must be at least 1, got " + shards);
        }
        if (shards > points.size()) {
            throw new IllegalArgumentException(
                    "--shards " + shards + " is more than the " + points.size() + " points of sweep " + sweep.name());
        }
        List<SweepPoint> cpu = new ArrayList<>();
        List<SweepPoint> gpu = new ArrayList<>();
        for (SweepPoint p : points) {
            (gpus && "nd4j".equals(backendOf(sweep, p)) ? gpu : cpu).add(p);
        }
        if (gpus && gpu.isEmpty()) {
            throw new IllegalArgumentException("--gpus: no point of sweep " + sweep.name() + " runs on the nd4j "
                    + "backend (backend: " + sweep.backend() + "), so GPU shards would be empty; set backend: nd4j "
                    + "(for the whole file, or per grid block as the backend parameter) "
                    + "or drop --gpus");
        }
        int gpuShards = 0;
        if (!gpu.isEmpty()) {
            if (cpu.isEmpty()) {
                gpuShards = shards;
            } else {
                if (shards < 2) {
                    throw new IllegalArgumentException("--gpus with CPU and nd4j points needs --shards of at least 2");
                }
                double share = total(gpu, costs) / (total(gpu, costs) + total(cpu, costs));
                gpuShards = (int) Math.max(1, Math.min(shards - 1, Math.round(shards * share)));
            }
        }
        List<ShardPlan.Entry> entries = new ArrayList<>();
        place(cpu, shards - gpuShards, "cpu", costs, entries);
        place(gpu, gpuShards, "gpu", costs, entries);
        return new ShardPlan(
                sha256(sweep.source()),
                String.valueOf(SystemInfo.git().get("commit")),
                SystemInfo.leakbenchVersion(),
                costs.source(),
                entries);
    }

    /** The backend a point runs on (see {@link SweepRunner#backendOf}). */
    static String backendOf(Sweep sweep, SweepPoint p) {
        return SweepRunner.backendOf(sweep, p);
    }

    private static void place(
            List<SweepPoint> points, int count, String device, CostModel costs, List<ShardPlan.Entry> out) {
        if (count == 0) {
            return;
        }
        List<Piece> pieces = pieces(points, count, costs);
        pieces.sort(Comparator.comparingDouble(Piece::cost).reversed().thenComparingInt(Piece::order));
        double[] load = new double[count];
        List<List<SweepPoint>> bins = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bins.add(new ArrayList<>());
        }
        for (Piece piece : pieces) {
            int best = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[best]) {
                    best = i;
                }
            }
            load[best] += piece.cost();
            bins.get(best).addAll(piece.points());
        }
        int first = out.size();
        for (int i = 0; i < count; i++) {
            List<SweepPoint> bin = bins.get(i);
            bin.sort(Comparator.comparingInt(SweepPoint::index));
            out.add(new ShardPlan.Entry(
                    first + i, device, load[i], bin.stream().map(CostModel::key).toList()));
        }
    }

    /** Groups in sweep order, each cut into pieces of at most MAX_PIECE × the mean shard cost. */
    private static List<Piece> pieces(List<SweepPoint> points, int count, CostModel costs) {
        Map<String, List<SweepPoint>> groups = new LinkedHashMap<>();
        for (SweepPoint p : points) {
            groups.computeIfAbsent(p.groupKey(), k -> new ArrayList<>()).add(p);
        }
        double limit = MAX_PIECE * total(points, costs) / count;
        List<Piece> pieces = new ArrayList<>();
        for (List<SweepPoint> group : groups.values()) {
            double cost = total(group, costs);
            int parts = (int) Math.min(group.size(), Math.max(1, Math.ceil(cost / limit)));
            double target = cost / parts;
            List<SweepPoint> current = new ArrayList<>();
            double sum = 0;
            for (SweepPoint p : group) {
                double c = costs.cost(p);
                if (!current.isEmpty() && sum + c / 2 > target) {
                    pieces.add(new Piece(pieces.size(), current, sum));
                    current = new ArrayList<>();
                    sum = 0;
                }
                current.add(p);
                sum += c;
            }
            pieces.add(new Piece(pieces.size(), current, sum));
        }
        return pieces;
    }

    private static double total(List<SweepPoint> points, CostModel costs) {
        double sum = 0;
        for (SweepPoint p : points) {
            sum += costs.cost(p);
        }
        return sum;
    }

    /** Hex SHA-256 of a sweep file's text. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
