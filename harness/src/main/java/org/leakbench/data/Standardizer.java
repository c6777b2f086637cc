package org.leakbench.data;

/**
 * Per-feature standardisation {@code (x − mean) / std}, fitted on training data only so that nothing about the
 * test set leaks into the features. The standard deviation is the population one (divide by n), so the fitted
 * data has standard deviation exactly 1; a constant feature (std 0) is only centred.
 */
public record Standardizer(float[] mean, float[] std) {
    public Standardizer {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " features, std has " + std.length);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** Mean and standard deviation of every column of {@code rows} (at least one row). */
    public static Standardizer fit(float[][] rows) {
        int[] all = new int[rows.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return fit(rows, all);
    }

    /**
     * Mean and standard deviation of every column over the rows {@code chosen} of {@code rows} only (say, a
     * training or member set), so that the other rows do not inform the preprocessing.
     */
    public static Standardizer fit(float[][] rows, int[] chosen) {
        if (chosen.length == 0) {
            throw new IllegalArgumentException("cannot fit a standardizer on zero rows");
        }
        int features = rows[chosen[0]].length;
        double[] sum = new double[features];
        for (int r : chosen) {
            checkWidth(rows[r], r, features);
            for (int j = 0; j < features; j++) {
                sum[j] += rows[r][j];
            }
        }
        double[] mean = new double[features];
        for (int j = 0; j < features; j++) {
            mean[j] = sum[j] / chosen.length;
        }
        double[] squares = new double[features];
        for (int r : chosen) {
            for (int j = 0; j < features; j++) {
                double d = rows[r][j] - mean[j];
                squares[j] += d * d;
            }
        }
        float[] meanF = new float[features];
        float[] stdF = new float[features];
        for (int j = 0; j < features; j++) {
            meanF[j] = (float) mean[j];
            stdF[j] = (float) Math.sqrt(squares[j] / chosen.length);
        }
        return new Standardizer(meanF, stdF);
    }

    /** Fits on the samples of a data set. */
    public static Standardizer fit(Dataset data) {
        return fit(data.samples());
    }

    /** New rows, standardised with this mean and std. */
    public float[][] transform(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            checkWidth(row, i, mean.length);
            float[] scaled = new float[row.length];
            for (int j = 0; j < row.length; j++) {
                double scale = std[j] > 0 ? std[j] : 1.0;
                scaled[j] = (float) ((row[j] - (double) mean[j]) / scale);
            }
            out[i] = scaled;
        }
        return out;
    }

    /** The same data set with standardised samples. */
    public Dataset transform(Dataset data) {
        return data.withSamples(transform(data.samples()));
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    private static void checkWidth(float[] row, int index, int features) {
        if (row.length != features) {
            throw new IllegalArgumentException(
                    "standardize: row " + index + " has " + row.length + " features, expected " + features);
        }
    }
}
