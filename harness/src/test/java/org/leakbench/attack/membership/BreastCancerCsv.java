package org.leakbench.attack.membership;

import org.leakbench.data.BreastCancer;
import org.leakbench.data.Dataset;

/**
 * The bundled Breast Cancer Wisconsin (Diagnostic) table as the membership- and property-inference tests use it:
 * 30 raw features per row in file order, label 1 for malignant and 0 for benign. Features are not standardised
 * here; callers standardise with training-split statistics.
 */
public final class BreastCancerCsv {
    public static final int FEATURES = 30;
    /** Column index of mean_radius. */
    public static final int MEAN_RADIUS = 0;

    private BreastCancerCsv() {}

    /** The data: samples[i] has 30 features, labels[i] is 1 for malignant. */
    public record Data(float[][] samples, int[] labels) {}

    public static Data load() {
        Dataset all = BreastCancer.loadAll();
        if (all.sampleShape()[0] != FEATURES) {
            throw new IllegalStateException(
                    BreastCancer.RESOURCE + ": expected " + FEATURES + " features, got " + all.sampleShape()[0]);
        }
        return new Data(all.samples(), all.labels());
    }
}
