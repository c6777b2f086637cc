package org.leakbench.data;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Breast Cancer Wisconsin (Diagnostic) table, bundled as a resource: 569 samples, 30 real-valued features,
 * label malignant = 1, benign = 0. Split stratified and seeded, then standardised with training statistics.
 * Source: W. H. Wolberg, W. N. Street, O. L. Mangasarian, UCI Machine Learning Repository,
 * doi:10.24432/C5DW2B, CC BY 4.0 (see the README next to the resource).
 */
public final class BreastCancer {
    public static final String NAME = "breast-cancer";
    public static final String RESOURCE = "org/leakbench/data/breast-cancer/breast_cancer_wisconsin.csv";
    public static final String LABEL_COLUMN = "diagnosis";
    /** Class names by label: 0 benign, 1 malignant. */
    public static final List<String> CLASS_NAMES = List.of("benign", "malignant");

    private BreastCancer() {}

    /** The whole table (unstandardised), labels mapped to 0/1. */
    public static Dataset loadAll() {
        return fromTable(CsvTableReader.read(DataFile.ofResource(RESOURCE), LABEL_COLUMN));
    }

    /** Stratified split ({@code trainFraction} of each class to training), standardised with train statistics. */
    public static DataSplit load(long seed, double trainFraction) {
        Dataset all = loadAll();
        int[][] parts =
                StratifiedSplit.split(all.labels(), all.numClasses(), trainFraction, new SplittableRandom(seed));
        Dataset train = all.subset(parts[0]);
        Dataset test = all.subset(parts[1]);
        Standardizer standardizer = Standardizer.fit(train);
        return new DataSplit(standardizer.transform(train), standardizer.transform(test));
    }

    static Dataset fromTable(CsvTable table) {
        int[] labels = new int[table.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            String label = table.labels().get(i);
            int index = CLASS_NAMES.indexOf(label.toLowerCase(java.util.Locale.ROOT));
            if (index < 0) {
                // line i + 2: the header is line 1
                throw new DataFormatException(table.source() + " line " + (i + 2) + ", column " + LABEL_COLUMN + ": '"
                        + label + "' is neither malignant nor benign");
            }
            labels[i] = index;
        }
        return new Dataset(
                NAME,
                new int[] {table.featureNames().size()},
                table.features(),
                labels,
                CLASS_NAMES.size(),
                CLASS_NAMES,
                Map.of(table.source(), table.sha256()));
    }
}
