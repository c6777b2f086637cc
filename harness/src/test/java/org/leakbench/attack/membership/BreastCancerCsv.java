package org.leakbench.attack.membership;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-only loader for the bundled Breast Cancer Wisconsin (Diagnostic) CSV (see README.md beside it):
 * 30 raw features per row, label 1 for malignant and 0 for benign. Features are not standardised here;
 * callers standardise with training-split statistics.
 */
public final class BreastCancerCsv {
    public static final String RESOURCE = "/org/leakbench/attack/membership/breast_cancer_wisconsin.csv";
    public static final int FEATURES = 30;
    /** Column index of mean_radius. */
    public static final int MEAN_RADIUS = 0;

    private BreastCancerCsv() {
    }

    /** The data: samples[i] has 30 features, labels[i] is 1 for malignant. */
    public record Data(float[][] samples, int[] labels) {
    }

    public static Data load() {
        try (InputStream in = BreastCancerCsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            List<float[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (rec.size() != FEATURES + 1) {
                    throw new IllegalStateException(RESOURCE + " line " + rec.getRecordNumber() + ": expected "
                            + (FEATURES + 1) + " columns, got " + rec.size());
                }
                float[] x = new float[FEATURES];
                for (int j = 0; j < FEATURES; j++) {
                    x[j] = Float.parseFloat(rec.get(j));
                }
                String d = rec.get(FEATURES).trim();
                if (!d.equals("malignant") && !d.equals("benign")) {
                    throw new IllegalStateException(RESOURCE + " line " + rec.getRecordNumber()
                            + ": diagnosis '" + d + "' is neither malignant nor benign");
                }
                xs.add(x);
                ys.add(d.equals("malignant") ? 1 : 0);
            }
            return new Data(xs.toArray(new float[0][]), ys.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }
}
