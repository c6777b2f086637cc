package org.leakbench.attack.membership;

/**
 * Per-feature standardisation (x − mean) / std with statistics taken from chosen rows only, so that held-out
 * rows do not inform the preprocessing. A constant feature keeps std 1.
 */
final class Standardizer {
    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    static Standardizer fit(float[][] x, int[] rows) {
        int d = x[rows[0]].length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (int r : rows) {
            if (x[r].length != d) {
                throw new IllegalArgumentException("standardize: row " + r + " has " + x[r].length
                        + " features, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += x[r][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double v = x[r][j] - mean[j];
                sq[j] += v * v;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(sq[j] / rows.length);
            std[j] = s > 1e-12 ? s : 1.0;
        }
        return new Standardizer(mean, std);
    }

    float[][] apply(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != mean.length) {
                throw new IllegalArgumentException("standardize: row " + i + " has " + x[i].length
                        + " features, expected " + mean.length);
            }
            out[i] = new float[mean.length];
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (float) ((x[i][j] - mean[j]) / std[j]);
            }
        }
        return out;
    }
}
