package org.leakbench.data;

import java.util.List;

/**
 * A numeric table read from CSV: {@code features[i]} holds the feature columns of data row {@code i} in
 * {@code featureNames} order, {@code labels.get(i)} the text of its label column. {@code source} and
 * {@code sha256} identify the file read.
 */
public record CsvTable(
        String source, String sha256, List<String> featureNames, float[][] features, List<String> labels) {
    public CsvTable {
        featureNames = List.copyOf(featureNames);
        labels = List.copyOf(labels);
        if (features.length != labels.size()) {
            throw new IllegalArgumentException(
                    source + ": " + features.length + " feature rows but " + labels.size() + " labels");
        }
    }

    public int rowCount() {
        return features.length;
    }
}
