package org.leakbench.plots;

import java.io.IOException;
import java.io.Reader;
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
 * A small headed CSV file (roc.csv, epsilon.csv) read into rows of text, with checked access to numbers so a
 * bad value is reported with file, line and column.
 *
 * @param file the file read
 * @param rows each row as column → text, with its 1-based line under the key {@link #LINE}
 */
record CsvTable(Path file, List<Map<String, String>> rows) {
    static final String LINE = "\u0000line";

    static CsvTable read(Path file, List<String> required) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (Reader in = open(file);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : required) {
                if (!header.contains(column)) {
                    throw new PlotInputException(
                            file.toString(), column, 1, "required column is missing (header: " + header + ")");
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String column : header) {
                    row.put(column, record.isSet(column) ? record.get(column) : "");
                }
                row.put(LINE, Long.toString(record.getRecordNumber() + 1));
                rows.add(row);
            }
            return new CsvTable(file, rows);
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (e instanceof PlotInputException p) {
                throw p;
            }
            throw new PlotInputException(file.toString(), null, 0, "not a valid CSV file: " + e.getMessage());
        }
    }

    /**
     * Opens a UTF-8 text file, skipping a byte-order mark (spreadsheet programs write one), which would
     * otherwise become part of the first column's name.
     */
    static Reader open(Path file) throws IOException {
        java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        return in;
    }

    /** The number in {@code column} of {@code row}; NaN when empty; a {@link PlotInputException} when not a number. */
    double number(Map<String, String> row, String column) {
        String text = row.getOrDefault(column, "");
        if (text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new PlotInputException(
                    file.toString(), column, Long.parseLong(row.get(LINE)), "not a number: '" + text + "'");
        }
    }
}
