package org.leakbench.plots;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads {@code results.csv}. Required columns: {@code point_id}, {@code seed}, {@code status}. Known metric
 * columns (see {@link Metric}) are parsed as numbers (empty = not measured); the columns before the first
 * metric are parameters, and an unknown column after it is an unknown metric, an error. Parameters the figures
 * read as numbers ({@link #NUMERIC_PARAMETERS}) must be numbers or empty.
 *
 * @param file       the file read
 * @param parameters parameter columns, in file order
 * @param metrics    metric columns present, in file order
 * @param rows       all rows, whatever their status
 */
public record ResultsFile(Path file, List<String> parameters, List<Metric> metrics, List<ResultRow> rows) {
    public static final String POINT_ID = "point_id";
    public static final String SEED = "seed";
    public static final String STATUS = "status";
    public static final String ATTACK = "attack";
    public static final String DEFENSE = "defense";
    public static final String DEFENSE_PARAM = "defense_param";
    public static final String BATCH = "batch";
    public static final String CLIENTS = "fl_clients";
    /** Parameters the figures use as numbers (an axis or a knob): a value that is not one is an error. */
    static final Set<String> NUMERIC_PARAMETERS = Set.of(BATCH, DEFENSE_PARAM, "defense_clip", "model_width",
            "model_depth", CLIENTS, "fl_rounds");

    public ResultsFile {
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /** Reads and checks a results file; throws {@link PlotInputException} on bad content. */
    public static ResultsFile read(Path file) throws IOException {
        String name = file.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader in = CsvTable.open(file);
             CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            for (String required : List.of(POINT_ID, SEED, STATUS)) {
                if (!header.contains(required)) {
                    throw new PlotInputException(name, required, 1,
                            "required column is missing (header: " + header + ")");
                }
            }
            List<String> parameters = new ArrayList<>();
            List<Metric> metrics = new ArrayList<>();
            boolean inMetrics = false;
            for (String column : header) {
                if (Set.of(POINT_ID, SEED, STATUS).contains(column)) {
                    continue;
                }
                var metric = Metric.byColumn(column);
                inMetrics |= metric.isPresent();
                if (metric.isPresent()) {
                    metrics.add(metric.get());
                } else if (inMetrics) {
                    // The harness writes parameters first, then metrics: a column among the metrics that is not
                    // one would otherwise be taken for a parameter and split every figure into slices.
                    throw new PlotInputException(name, column, 1, "unknown metric '" + column
                            + "' among the metric columns; known metrics: " + Arrays.toString(Metric.values()));
                } else {
                    parameters.add(column);
                }
            }
            List<ResultRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(toRow(record, name, parameters, metrics));
            }
            if (rows.isEmpty()) {
                throw new PlotInputException(name, null, 0, "no result rows after the header");
            }
            return new ResultsFile(file, parameters, metrics, rows);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof PlotInputException p) {
                throw p;
            }
            throw new PlotInputException(name, null, 0, "not a valid CSV file: " + e.getMessage());
        }
    }

    private static ResultRow toRow(CSVRecord record, String file, List<String> parameters, List<Metric> metrics) {
        // Lines are 1-based and the header is line 1.
        long line = record.getRecordNumber() + 1;
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : parameters) {
            String value = record.isSet(p) ? record.get(p).trim() : "";
            if (NUMERIC_PARAMETERS.contains(p) && !value.isEmpty() && Double.isNaN(Numbers.parseOrNaN(value))) {
                throw new PlotInputException(file, p, line, "not a number: '" + value + "'");
            }
            params.put(p, value);
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        for (Metric m : metrics) {
            String text = record.isSet(m.column()) ? record.get(m.column()) : "";
            if (text.isBlank()) {
                continue;
            }
            try {
                values.put(m, Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                throw new PlotInputException(file, m.column(), line, "not a number: '" + text + "'");
            }
        }
        String status = record.isSet(STATUS) ? record.get(STATUS).trim() : "";
        return new ResultRow(record.get(POINT_ID), record.get(SEED), params, values, status, line);
    }

    /** Rows with status {@code ok}. */
    public List<ResultRow> okRows() {
        return rows.stream().filter(ResultRow::ok).toList();
    }

    /** Whether any {@code ok} row measured {@code m}. */
    public boolean has(Metric m) {
        return okRows().stream().anyMatch(r -> r.metric(m).isPresent());
    }
}
