package org.leakbench.bench.suite;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH results as one tidy CSV row per benchmark and parameter combination: the score as JMH reports it (and the
 * median for sample mode), the same as milliseconds per operation (whatever the mode), the run's fork and thread settings, one column
 * per parameter, and for GEMM-bound benchmarks the operation count and GFLOP/s. Also writes
 * {@code flops.csv}, the operation counts the comparison table divides by.
 */
final class TidyCsv {
    private TidyCsv() {}

    static List<String> write(Collection<RunResult> results, Path csv, Path flopsCsv, ThreadCounts threads)
            throws IOException {
        TreeSet<String> paramNames = new TreeSet<>();
        for (RunResult r : results) {
            paramNames.addAll(r.getParams().getParamsKeys());
        }
        List<String> header = new ArrayList<>(List.of(
                "benchmark",
                "method",
                "mode",
                "score",
                "score_error",
                "unit",
                "median",
                "ms_per_op",
                "median_ms_per_op",
                "samples",
                "forks",
                "jmh_threads",
                "nd4j_threads",
                "java_threads"));
        header.addAll(paramNames);
        header.addAll(List.of("flop_per_op", "gflops"));
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w,
                        CSVFormat.DEFAULT
                                .builder()
                                .setRecordSeparator("\n")
                                .setHeader(header.toArray(String[]::new))
                                .get());
                Writer fw = Files.newBufferedWriter(flopsCsv, StandardCharsets.UTF_8);
                CSVPrinter fp = new CSVPrinter(
                        fw,
                        CSVFormat.DEFAULT
                                .builder()
                                .setRecordSeparator("\n")
                                .setHeader("benchmark", "params", "flop_per_op")
                                .get())) {
            for (RunResult r : results) {
                BenchmarkParams bp = r.getParams();
                Result<?> primary = r.getPrimaryResult();
                String name = shortName(bp.getBenchmark());
                Map<String, String> params = new LinkedHashMap<>();
                for (String k : bp.getParamsKeys()) {
                    params.put(k, bp.getParam(k));
                }
                double ms = millisPerOp(primary.getScore(), primary.getScoreUnit());
                // Sample mode timed single operations: their median is the robust figure on a busy machine.
                double median = bp.getMode() == Mode.SampleTime
                        ? primary.getStatistics().getPercentile(50)
                        : Double.NaN;
                double medianMs = millisPerOp(median, primary.getScoreUnit());
                double typicalMs = Double.isFinite(medianMs) ? medianMs : ms;
                OptionalDouble flop = FlopCount.of(name, params);
                List<Object> row = new ArrayList<>(List.of(
                        name,
                        name.substring(name.indexOf('.') + 1),
                        bp.getMode().shortLabel(),
                        num(primary.getScore()),
                        num(primary.getScoreError()),
                        primary.getScoreUnit(),
                        num(median),
                        num(ms),
                        num(medianMs),
                        primary.getSampleCount(),
                        bp.getForks(),
                        bp.getThreads(),
                        threads.nd4j(),
                        threads.java()));
                for (String k : paramNames) {
                    row.add(params.getOrDefault(k, ""));
                }
                row.add(flop.isPresent() ? num(flop.getAsDouble()) : "");
                row.add(flop.isPresent() && typicalMs > 0 ? num(flop.getAsDouble() / (typicalMs * 1e6)) : "");
                p.printRecord(row);
                if (flop.isPresent()) {
                    fp.printRecord(name, paramKey(params), num(flop.getAsDouble()));
                }
            }
        }
        return header;
    }

    /** "k=v;k=v" with keys sorted: how flops.csv names a parameter combination. */
    static String paramKey(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        new TreeSet<>(params.keySet())
                .forEach(k -> sb.append(sb.length() == 0 ? "" : ";")
                        .append(k)
                        .append('=')
                        .append(params.get(k)));
        return sb.toString();
    }

    static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.", -1);
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** A JMH score in "time/op" or "ops/time" units as milliseconds per operation; NaN for other units. */
    static double millisPerOp(double score, String unit) {
        return org.leakbench.results.JmhUnits.millisPerOp(score, unit);
    }

    // Whole numbers (operation counts) exactly, measurements to the six digits JMH's precision justifies.
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "NaN";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v)
                .replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceFirst("\\.(e|$)", "$1");
    }
}
