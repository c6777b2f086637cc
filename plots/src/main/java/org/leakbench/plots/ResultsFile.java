package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultFileException;
import org.leakbench.results.ResultTable;

/**
 * Reads {@code results.csv} through the schema's {@link ResultTable}. Required columns: {@code point_id},
 * {@code seed}, {@code status}. Known metric columns (see {@link Metric}) are parsed as numbers (empty = not
 * measured); the columns before the first metric are parameters, and an unknown column after it is an unknown
 * metric, an error. Parameters the figures read as numbers ({@link #NUMERIC_PARAMETERS}) must be numbers or
 * empty.
 *
 * @param file       the file read
 * @param parameters parameter columns, in file order
 * @param metrics    metric columns present, in file order
 * @param rows       all rows, whatever their status
 */
public record ResultsFile(Path file, List<String> parameters, List<Metric> metrics, List<ResultRow> rows) {
    /** Parameters the figures use as numbers (an axis or a knob): a value that is not one is an error. */
    static final Set<String> NUMERIC_PARAMETERS = Set.of(
            ResultColumns.BATCH,
            ResultColumns.DEFENSE_PARAM,
            "defense_clip",
            "model_width",
            "model_depth",
            ResultColumns.CLIENTS,
            "fl_rounds");

    public ResultsFile {
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /**
     * Reads a results file with the schema's {@link ResultTable} and checks its content; throws
     * {@link PlotInputException} on bad content.
     */
    public static ResultsFile read(Path file) throws IOException {
        String name = file.toString();
        ResultTable table;
        try {
            table = ResultTable.read(file);
        } catch (ResultFileException e) {
            throw PlotInputException.of(e);
        }
        List<String> parameters = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        boolean inMetrics = false;
        for (String column : table.header()) {
            if (ResultColumns.FIXED.contains(column)) {
                continue;
            }
            var metric = Metric.byColumn(column);
            inMetrics |= metric.isPresent();
            if (metric.isPresent()) {
                metrics.add(metric.get());
            } else if (inMetrics) {
                // The harness writes parameters first, then metrics: a column among the metrics that is not
                // one would otherwise be taken for a parameter and split every figure into slices.
                throw new PlotInputException(
                        name,
                        column,
                        1,
                        "unknown metric '" + column + "' among the metric columns; known metrics: "
                                + Arrays.toString(Metric.values()));
            } else {
                parameters.add(column);
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            rows.add(toRow(table.asMap(table.rows().get(i)), table.lines().get(i), name, parameters, metrics));
        }
        if (rows.isEmpty()) {
            throw new PlotInputException(name, null, 0, "no result rows after the header");
        }
        return new ResultsFile(file, parameters, metrics, rows);
    }

    private static ResultRow toRow(
            Map<String, String> record, long line, String file, List<String> parameters, List<Metric> metrics) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : parameters) {
            String value = record.get(p).trim();
            if (NUMERIC_PARAMETERS.contains(p) && !value.isEmpty() && Double.isNaN(Numbers.parseOrNaN(value))) {
                throw new PlotInputException(file, p, line, "not a number: '" + value + "'");
            }
            params.put(p, value);
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        for (Metric m : metrics) {
            String text = record.get(m.column());
            if (text.isBlank()) {
                continue;
            }
            try {
                values.put(m, Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                throw new PlotInputException(file, m.column(), line, "not a number: '" + text + "'");
            }
        }
        String status = record.get(ResultColumns.STATUS).trim();
        return new ResultRow(
                record.get(ResultColumns.POINT_ID), record.get(ResultColumns.SEED), params, values, status, line);
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
