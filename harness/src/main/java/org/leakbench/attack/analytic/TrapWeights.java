package org.leakbench.attack.analytic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The first-layer weights of "trap weights" (Boenisch, Dziedzic, Schuster, Shamsabadi, Shumailov, Papernot, "When
 * the Curious Abandon Honesty: Federated Learning Is Not Private", EuroS&P 2023): each row of a ReLU layer gets
 * random positive and negative weights, and its negative weights are scaled up until the row fires for only a
 * small share of inputs. For non-negative inputs (pixels in [0, 1]) row j fires on x iff P_j(x) > s_j·N_j(x), where
 * P_j and N_j sum the positive and the absolute negative weights times x; so s_j is the (1 − rate) quantile of
 * P_j/N_j over data the server holds, which makes every row fire for about {@code rate} of the inputs. The paper
 * tunes one scale by hand; calibrating it per row on public data is this implementation's choice. Biases are 0.
 */
public final class TrapWeights {
    /** Public samples the calibration looks at: the quantile of a row is stable well before this many. */
    static final int CALIBRATION_SAMPLES = 2000;

    private TrapWeights() {}

    /**
     * Trap weights for a layer x·W with {@code in} inputs and {@code units} rows, row-major [in, units].
     *
     * @param rate share of inputs each row should fire for, in (0, 1)
     */
    public static double[] weights(int in, int units, double rate, float[][] publicSamples, SplittableRandom rng) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("trap.rate " + rate + ": a row must fire for some inputs and not all");
        }
        if (publicSamples.length == 0) {
            throw new IllegalArgumentException("trap weights need public samples to calibrate on, got none");
        }
        float[][] calib = sample(publicSamples, rng);
        double[] w = new double[in * units];
        double[] row = new double[in];
        double[] ratio = new double[calib.length];
        for (int j = 0; j < units; j++) {
            randomRow(row, rng);
            for (int n = 0; n < calib.length; n++) {
                double pos = 0;
                double neg = 0;
                for (int i = 0; i < in; i++) {
                    double v = row[i] * calib[n][i];
                    if (row[i] > 0) {
                        pos += v;
                    } else {
                        neg -= v;
                    }
                }
                ratio[n] = neg > 0 ? pos / neg : pos > 0 ? Double.POSITIVE_INFINITY : 0;
            }
            Arrays.sort(ratio);
            double scale = ratio[Math.min(ratio.length - 1, (int) Math.floor((1 - rate) * ratio.length))];
            if (!Double.isFinite(scale) || scale <= 0) {
                scale = 1; // degenerate public data: leave the row balanced
            }
            for (int i = 0; i < in; i++) {
                w[i * units + j] = row[i] < 0 ? row[i] * scale : row[i];
            }
        }
        return w;
    }

    /** |N(0, 1)| magnitudes, half of the entries (a random half) negative. */
    private static void randomRow(double[] row, SplittableRandom rng) {
        int in = row.length;
        int[] order = new int[in];
        for (int i = 0; i < in; i++) {
            order[i] = i;
        }
        for (int i = in - 1; i > 0; i--) {
            int k = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
        for (int r = 0; r < in; r++) {
            double m = Math.abs(rng.nextGaussian());
            row[order[r]] = r < in / 2 ? -m : m;
        }
    }

    private static float[][] sample(float[][] publicSamples, SplittableRandom rng) {
        if (publicSamples.length <= CALIBRATION_SAMPLES) {
            return publicSamples;
        }
        float[][] out = new float[CALIBRATION_SAMPLES][];
        for (int n = 0; n < out.length; n++) {
            out[n] = publicSamples[rng.nextInt(publicSamples.length)];
        }
        return out;
    }
}
