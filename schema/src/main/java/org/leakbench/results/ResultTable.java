package org.leakbench.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A {@code results.csv} read into memory as text, the one reader of results files: the sweep reads it to resume
 * and merge, the audit and the cluster commands to check and plan, the plots to draw. A trailing line without a
 * newline (a row cut short by a kill; every row is written with its newline) is ignored. When a (point_id, seed)
 * pair appears more than once (a failed point retried on resume), the last row wins: {@link #latest()} gives one
 * row per pair.
 *
 * @param header column names
 * @param rows   every complete row, in file order
 * @param lines  the 1-based line on which each row starts, for error messages
 */
public record ResultTable(List<String> header, List<List<String>> rows, List<Long> lines) {
    /** The CSV dialect of every results file: RFC 4180 quoting, {@code \n} line ends. */
    public static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
    // Reading also tolerates what a spreadsheet adds: spaces around unquoted cells, blank lines.
    private static final CSVFormat READ = FORMAT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    public ResultTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        lines = List.copyOf(lines);
    }

    /**
     * Reads {@code csv}: a {@link ResultFileException} naming the file (and line and column) when it is missing,
     * empty, lacks {@code point_id}, {@code seed} or {@code status}, has rows of the wrong width or is not CSV.
     */
    public static ResultTable read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new ResultFileException(csv.toString(), null, 0, "no results file");
        }
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark from a spreadsheet program
        }
        int lastNewline = text.lastIndexOf('\n');
        text = lastNewline < 0 ? "" : text.substring(0, lastNewline + 1);
        if (text.isBlank()) {
            throw new ResultFileException(csv.toString(), null, 0, "no header line");
        }
        try {
            return parse(new StringReader(text), csv.toString());
        } catch (IllegalStateException | UncheckedIOException e) {
            throw new ResultFileException(csv.toString(), null, 0, "not a valid CSV file: " + e.getMessage());
        }
    }

    private static ResultTable parse(Reader reader, String name) throws IOException {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(READ).get()) {
            long line = 1;
            for (CSVRecord r : parser) {
                List<String> values = r.toList();
                long start = line;
                line = parser.getCurrentLineNumber() + 1;
                if (header == null) {
                    header = values;
                    for (String required : List.of(ResultColumns.POINT_ID, ResultColumns.SEED, ResultColumns.STATUS)) {
                        if (!header.contains(required)) {
                            throw new ResultFileException(
                                    name,
                                    required,
                                    1,
                                    "required column is missing; not a " + "LeakBench results file (header: " + header
                                            + ")");
                        }
                    }
                } else if (values.size() != header.size()) {
                    throw new ResultFileException(
                            name, null, start, "row has " + values.size() + " cells, header has " + header.size());
                } else {
                    rows.add(values);
                    lines.add(start);
                }
            }
        }
        return new ResultTable(header, rows, lines);
    }

    /** Index of column {@code name}, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** The (point_id, seed) key of a row. */
    public String key(List<String> row) {
        return row.get(column(ResultColumns.POINT_ID)) + "|" + row.get(column(ResultColumns.SEED));
    }

    /** One row per (point_id, seed): the last one written, placed where the pair first appeared. */
    public List<List<String>> latest() {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> row : rows) {
            byKey.put(key(row), row);
        }
        return new ArrayList<>(byKey.values());
    }

    /** A row as column name to value. */
    public Map<String, String> asMap(List<String> row) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), row.get(i));
        }
        return m;
    }
}
