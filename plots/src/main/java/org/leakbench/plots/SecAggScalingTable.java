package org.leakbench.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakbench.results.JmhUnits;

/**
 * Secure aggregation's time per round against the vector length: one client's masking step
 * ({@code MaskingBench.maskedUpdate}: self mask, and key agreement, HKDF and mask expansion per neighbour) and the
 * server's unmasking ({@code MaskingBench.serverUnmask} at 10% dropout: Shamir reconstructions, the dropped
 * clients' key agreements and the removal of every mask), for SecAgg (Bonawitz et al., CCS 2017) and SecAgg+
 * (Bell et al., CCS 2020), at 10^5, 10^6 and 10^7 coordinates.
 *
 * <p>A time is measured where the run has that length (its "from" cell says {@code measured}), else
 * extrapolated (the cell names the formula and its inputs) linearly in L, since key agreement,
 * HKDF and Shamir do not depend on L while mask expansion and the sums grow with it: from the two largest
 * measured lengths L1 &lt; L2 of the same protocol, n and role, T(L) = T(L2) + (L − L2)·(T(L2) − T(L1))/(L2 − L1);
 * from one measured length L0, T(L) = T(L0) + 4·m·(L − L0)/R, with R the run's mask-expansion rate
 * ({@code MaskingBench.prg} at its largest length, bytes per second) and m the masks the role expands: 1 + k for
 * a client with k neighbours, s + d·k·(1 − p) for the server (s = (1 − p)·n survivors, d = p·n dropped clients, p
 * the dropout), with k = n − 1 under SecAgg and 2⌈1.5 log2 n⌉ under SecAgg+.
 */
final class SecAggScalingTable {
    static final long[] LENGTHS = {100_000L, 1_000_000L, 10_000_000L};
    static final double DROPOUT = 0.1;

    private SecAggScalingTable() {}

    /** One row per protocol, n and length; empty without a masking-step or unmasking result. */
    static TextTable table(List<JmhResult> results) {
        List<String> header = List.of(
                "protocol", "clients n", "coordinates L", "client (s)", "client from", "server (s)", "server from");
        // protocol -> n -> L -> seconds
        Map<String, Map<Integer, NavigableMap<Long, Double>>> client = new TreeMap<>();
        Map<String, Map<Integer, NavigableMap<Long, Double>>> server = new TreeMap<>();
        for (JmhResult r : results) {
            Map<String, String> p = r.params();
            double seconds = JmhUnits.millisPerOp(r.score(), r.unit()) / 1000;
            if (r.shortName().equals("MaskingBench.maskedUpdate") && p.containsKey("mode")) {
                put(client, p.get("mode"), p.get("clients"), p.get("maskedLength"), seconds);
            } else if (r.shortName().equals("MaskingBench.serverUnmask")
                    && p.containsKey("serverMode")
                    && Math.abs(Double.parseDouble(p.getOrDefault("dropout", "NaN")) - DROPOUT) < 1e-9) {
                put(server, p.get("serverMode"), p.get("serverClients"), p.get("serverLength"), seconds);
            }
        }
        double prg = prgBytesPerSecond(results);
        TreeSet<String> protocols = new TreeSet<>(client.keySet());
        protocols.addAll(server.keySet());
        List<List<TextTable.Cell>> rows = new ArrayList<>();
        for (String protocol : protocols) {
            TreeSet<Integer> ns =
                    new TreeSet<>(client.getOrDefault(protocol, Map.of()).keySet());
            ns.addAll(server.getOrDefault(protocol, Map.of()).keySet());
            for (int n : ns) {
                for (long length : LENGTHS) {
                    Estimate c = estimate(client, protocol, n, length, prg, 1 + neighbours(protocol, n));
                    Estimate s = estimate(server, protocol, n, length, prg, serverMasks(protocol, n));
                    rows.add(List.of(
                            TextTable.Cell.of(protocol),
                            TextTable.Cell.of(String.valueOf(n)),
                            TextTable.Cell.of(String.valueOf(length)),
                            TextTable.Cell.of(Double.isNaN(c.seconds()) ? "" : Numbers.format(c.seconds())),
                            TextTable.Cell.of(c.from()),
                            TextTable.Cell.of(Double.isNaN(s.seconds()) ? "" : Numbers.format(s.seconds())),
                            TextTable.Cell.of(s.from())));
                }
            }
        }
        return new TextTable(header, rows);
    }

    /** A time and where it comes from: measured, extrapolated (from which lengths), or not measured. */
    record Estimate(double seconds, String from) {}

    static Estimate estimate(
            Map<String, Map<Integer, NavigableMap<Long, Double>>> times,
            String protocol,
            int n,
            long length,
            double prgBytesPerSecond,
            double masks) {
        NavigableMap<Long, Double> byLength =
                times.getOrDefault(protocol, Map.of()).get(n);
        if (byLength == null || byLength.isEmpty()) {
            return new Estimate(Double.NaN, "not measured");
        }
        Double measured = byLength.get(length);
        if (measured != null) {
            return new Estimate(measured, "measured");
        }
        long l2 = byLength.lastKey();
        Long l1 = byLength.lowerKey(l2);
        String noGrowth = "";
        if (l1 != null) {
            double slope = (byLength.get(l2) - byLength.get(l1)) / (l2 - l1);
            if (slope > 0) {
                return new Estimate(
                        byLength.get(l2) + (length - l2) * slope,
                        "extrapolated: linear in L through " + l1 + ", " + l2);
            }
            // Times that do not grow with L are noise at small lengths: a line through them would fall, even below 0.
            noGrowth = " (times at " + l1 + " and " + l2 + " do not grow with L)";
        }
        if (!(prgBytesPerSecond > 0)) {
            return new Estimate(
                    Double.NaN, (l1 == null ? "one length" : "no growth with L") + ", no PRG rate" + noGrowth);
        }
        return new Estimate(
                byLength.get(l2) + 4 * masks * (length - l2) / prgBytesPerSecond,
                "extrapolated: T(" + l2 + ") + 4·m·ΔL/R, m = " + Numbers.format(masks) + noGrowth);
    }

    /** k: n − 1 under SecAgg, 2⌈1.5 log2 n⌉ (at most n − 1) under SecAgg+ (the defaults of the protocol). */
    static int neighbours(String protocol, int n) {
        if (protocol.equals("SECAGG_PLUS")) {
            int k = 2 * (int) Math.ceil(1.5 * Math.log(n) / Math.log(2));
            return Math.min(k, n - 1);
        }
        return n - 1;
    }

    /** s + d·k·(1 − p): every survivor's self mask and the dropped clients' masks with surviving neighbours. */
    static double serverMasks(String protocol, int n) {
        double survivors = (1 - DROPOUT) * n;
        double dropped = DROPOUT * n;
        return survivors + dropped * neighbours(protocol, n) * (1 - DROPOUT);
    }

    /** Bytes of mask a second of {@code MaskingBench.prg} at its largest vector length, NaN if absent. */
    static double prgBytesPerSecond(List<JmhResult> results) {
        long best = -1;
        double rate = Double.NaN;
        for (JmhResult r : results) {
            if (r.shortName().equals("MaskingBench.prg") && r.params().containsKey("vectorLength")) {
                long length = Long.parseLong(r.params().get("vectorLength"));
                if (length > best) {
                    best = length;
                    rate = 4.0 * length * 1000 / JmhUnits.millisPerOp(r.score(), r.unit());
                }
            }
        }
        return rate;
    }

    private static void put(
            Map<String, Map<Integer, NavigableMap<Long, Double>>> times,
            String protocol,
            String n,
            String length,
            double seconds) {
        if (protocol == null || n == null || length == null || Double.isNaN(seconds)) {
            return;
        }
        times.computeIfAbsent(protocol, k -> new TreeMap<>())
                .computeIfAbsent(Integer.parseInt(n), k -> new TreeMap<>())
                .put(Long.parseLong(length), seconds);
    }
}
