package org.leakbench.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
 * A {@code results.csv} read into memory. A trailing line without a newline (a row cut short by a kill) is
 * ignored. When a (point_id, seed) pair appears more than once (a failed point retried on resume), the last row
 * wins: {@link #latest()} gives one row per pair.
 *
 * @param header column names
 * @param rows every complete row, in file order
 */
public record ResultTable(List<String> header, List<List<String>> rows) {
    /** The CSV dialect of every results file: RFC 4180 quoting, {@code \n} line ends. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    public ResultTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads {@code csv}; a clear error when it is missing, empty or has rows of the wrong width. */
    public static ResultTable read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no results file at " + csv);
        }
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        int lastNewline = text.lastIndexOf('\n');
        text = lastNewline < 0 ? "" : text.substring(0, lastNewline + 1);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(csv + " has no header line");
        }
        return parse(new StringReader(text), csv.toString());
    }

    private static ResultTable parse(Reader reader, String name) throws IOException {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            for (CSVRecord r : parser) {
                List<String> values = r.toList();
                if (header == null) {
                    header = values;
                    if (!header.contains("point_id") || !header.contains("seed") || !header.contains("status")) {
                        throw new IllegalArgumentException(name + ": not a LeakBench results file (the header lacks "
                                + "point_id, seed or status)");
                    }
                } else if (values.size() != header.size()) {
                    throw new IllegalArgumentException(name + ":" + r.getRecordNumber() + ": row has "
                            + values.size() + " cells, header has " + header.size());
                } else {
                    rows.add(values);
                }
            }
        }
        return new ResultTable(header, rows);
    }

    /** Index of column {@code name}, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** The (point_id, seed) key of a row. */
    public String key(List<String> row) {
        return row.get(column("point_id")) + "|" + row.get(column("seed"));
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
