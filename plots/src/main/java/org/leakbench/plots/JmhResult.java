package org.leakbench.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One JMH result (one benchmark method and parameter combination) from JMH's JSON output
 * ({@code -rf json}): an array of objects with {@code benchmark}, {@code mode}, {@code params} and
 * {@code primaryMetric{score, scoreError, scoreUnit}}.
 *
 * @param benchmark  the fully qualified benchmark method
 * @param mode       thrpt, avgt, sample, ss
 * @param params     the {@code @Param} values (may be empty)
 * @param score      the primary score
 * @param scoreError the 99.9% half-width JMH reports, NaN when it could not compute one
 * @param unit       the score unit, e.g. {@code us/op} or {@code ops/s}
 * @param median     the 50th percentile in the score unit (sample mode, {@code scorePercentiles}), else NaN
 */
public record JmhResult(
        String benchmark,
        String mode,
        Map<String, String> params,
        double score,
        double scoreError,
        String unit,
        double median) {

    public JmhResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A result without percentiles. */
    public JmhResult(
            String benchmark, String mode, Map<String, String> params, double score, double scoreError, String unit) {
        this(benchmark, mode, params, score, scoreError, unit, Double.NaN);
    }

    /** The median where JMH sampled single operations, else the score: the robust figure on a busy machine. */
    public double typical() {
        return Double.isFinite(median) ? median : score;
    }

    /** Throughput modes are better when higher; time modes when lower. */
    public boolean higherIsBetter() {
        return "thrpt".equals(mode);
    }

    /** The class and method, without the package. */
    public String shortName() {
        String[] parts = benchmark.split("\\.", -1);
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
    }

    /** Reads every {@code *.json} file in {@code jmhDir}, sorted by file name. */
    public static List<JmhResult> readAll(Path jmhDir) throws IOException {
        List<JmhResult> all = new ArrayList<>();
        if (!Files.isDirectory(jmhDir)) {
            return all;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(jmhDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path f : files) {
            JsonNode root;
            try {
                root = mapper.readTree(f.toFile());
            } catch (IOException e) {
                throw new PlotInputException(f.toString(), null, 0, "not valid JSON: " + e.getMessage());
            }
            if (root == null || !root.isArray()) {
                throw new PlotInputException(f.toString(), null, 0, "expected a JSON array of JMH results");
            }
            int index = 0;
            for (JsonNode n : root) {
                all.add(parse(n, f, index++));
            }
        }
        return all;
    }

    private static JmhResult parse(JsonNode n, Path file, int index) {
        JsonNode metric = n.path("primaryMetric");
        if (!n.hasNonNull("benchmark") || !metric.hasNonNull("score")) {
            throw new PlotInputException(
                    file.toString(),
                    "benchmark/primaryMetric.score",
                    0,
                    "result #" + index + " lacks a benchmark name or a primary score");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        return new JmhResult(
                n.get("benchmark").asText(),
                n.path("mode").asText("?"),
                params,
                number(metric.get("score")),
                number(metric.get("scoreError")),
                metric.path("scoreUnit").asText(""),
                "sample".equals(n.path("mode").asText())
                        ? number(metric.path("scorePercentiles").get("50.0"))
                        : Double.NaN);
    }

    // JMH writes "NaN" as a string when an error cannot be computed (a single iteration).
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        return node.isNumber() ? node.asDouble() : Numbers.parseOrNaN(node.asText());
    }
}
