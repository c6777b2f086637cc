package org.leakbench.defense.dp;

/**
 * L2 clipping: scale a vector by min(1, C/‖v‖₂) so its norm is at most C. The norm is accumulated in double,
 * and a clipped vector's norm may exceed C by float rounding only (a relative 1e-7 or so).
 */
public final class Clipping {
    private Clipping() {}

    /** ‖v‖₂, accumulated in double. */
    public static double l2Norm(float[] v) {
        // Four running sums: one would make every add wait for the previous one (the reduction was the
        // largest single cost of a DP-SGD step); the sum is still exact enough in double.
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < v.length; i += 4) {
            s0 += (double) v[i] * v[i];
            s1 += (double) v[i + 1] * v[i + 1];
            s2 += (double) v[i + 2] * v[i + 2];
            s3 += (double) v[i + 3] * v[i + 3];
        }
        for (; i < v.length; i++) {
            s0 += (double) v[i] * v[i];
        }
        return Math.sqrt((s0 + s1) + (s2 + s3));
    }

    /** The factor min(1, C/‖v‖₂) that clipping to C applies (1 for the zero vector). */
    public static double clipFactor(float[] v, double clipNorm) {
        DpChecks.clipNorm(clipNorm);
        double norm = l2Norm(v);
        return norm > clipNorm ? clipNorm / norm : 1.0;
    }

    /** Clips {@code v} to norm {@code clipNorm} in place; returns the factor applied. */
    public static double clipInPlace(float[] v, double clipNorm) {
        double factor = clipFactor(v, clipNorm);
        if (factor < 1.0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] * factor);
            }
        }
        return factor;
    }

    /**
     * Σ_i clip(rows[i], C): each row clipped to norm C and summed, the rows left untouched.
     *
     * @throws IllegalArgumentException on an empty batch or rows of different lengths (naming the row)
     */
    public static float[] clipAndSum(float[][] rows, double clipNorm) {
        DpChecks.clipNorm(clipNorm);
        int dim = checkRectangular(rows);
        double[] sum = new double[dim];
        for (float[] row : rows) {
            double factor = clipFactor(row, clipNorm);
            for (int j = 0; j < dim; j++) {
                sum[j] += factor * row[j];
            }
        }
        float[] out = new float[dim];
        for (int j = 0; j < dim; j++) {
            out[j] = (float) sum[j];
        }
        return out;
    }

    /** The common row length; rejects empty or ragged input. */
    static int checkRectangular(float[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("need at least one update, got none");
        }
        int dim = rows[0].length;
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new IllegalArgumentException(
                        "update " + i + " has length " + rows[i].length + " but update 0 has length " + dim);
            }
        }
        return dim;
    }
}
