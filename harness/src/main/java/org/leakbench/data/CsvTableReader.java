package org.leakbench.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV table with a header row: one named column is the label (kept as text), every other column must
 * hold a finite number. Errors are {@link DataFormatException}s naming the file, the line number (1 is the
 * header) and the column; a missing file is a {@link DatasetNotFoundException}.
 */
public final class CsvTableReader {
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    private CsvTableReader() {}

    public static CsvTable read(Path file, String labelColumn) {
        return read(DataFile.of(file), labelColumn);
    }

    /** Reads a CSV file already loaded (UTF-8). */
    public static CsvTable read(DataFile file, String labelColumn) {
        Reader reader = new InputStreamReader(new ByteArrayInputStream(file.bytes()), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new DataFormatException(file.name() + " is empty: expected a header row on line 1");
            }
            List<String> header = records.next().toList();
            int labelIndex = header.indexOf(labelColumn);
            if (labelIndex < 0) {
                throw new DataFormatException(
                        file.name() + " line 1: no label column '" + labelColumn + "' in header " + header);
            }
            List<String> featureNames = new ArrayList<>(header);
            featureNames.remove(labelIndex);
            List<float[]> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            // the parser has consumed exactly the lines up to the end of the previous record
            long line = parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() != header.size()) {
                    throw new DataFormatException(file.name() + " line " + line + ": " + record.size()
                            + " columns, the header has " + header.size());
                }
                rows.add(parseRow(file, line, record, header, labelIndex));
                labels.add(record.get(labelIndex));
                line = parser.getCurrentLineNumber() + 1;
            }
            return new CsvTable(file.name(), file.sha256(), featureNames, rows.toArray(new float[0][]), labels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file.name(), e);
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed quoting as an unchecked wrapper of an IOException
            throw new DataFormatException(
                    "malformed CSV in " + file.name() + ": " + e.getCause().getMessage(), e);
        }
    }

    private static float[] parseRow(DataFile file, long line, CSVRecord record, List<String> header, int labelIndex) {
        float[] values = new float[header.size() - 1];
        int k = 0;
        for (int c = 0; c < header.size(); c++) {
            if (c == labelIndex) {
                continue;
            }
            String cell = record.get(c);
            double value;
            try {
                value = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file.name() + " line " + line + ", column " + (c + 1) + " ("
                        + header.get(c) + "): '" + cell + "' is not a number");
            }
            if (!Double.isFinite(value)) {
                throw new DataFormatException(file.name() + " line " + line + ", column " + (c + 1) + " ("
                        + header.get(c) + "): '" + cell + "' is not a finite number");
            }
            values[k++] = (float) value;
        }
        return values;
    }
}
