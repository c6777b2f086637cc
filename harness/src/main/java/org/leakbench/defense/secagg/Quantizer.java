package org.leakbench.defense.secagg;

import java.util.SplittableRandom;

/**
 * Flower's SecAgg+ quantisation: clip to [-c, c], shift and scale onto [0, R - 1] and round stochastically
 * (unbiased: up with probability equal to the fractional part). The server dequantises the sum of n such
 * vectors by dividing by the scale and removing the n * c offset. Each client adds at most one quantisation
 * step 2c / (R - 1) of error per element.
 */
public final class Quantizer {
    private final double clip;
    private final double scale;
    private final long top;

    public Quantizer(double clippingRange, long quantizationRange) {
        if (!(clippingRange > 0) || quantizationRange < 2) {
            throw new IllegalArgumentException("quantizer needs clippingRange > 0 and quantizationRange >= 2, got "
                    + clippingRange + " and " + quantizationRange);
        }
        this.clip = clippingRange;
        this.scale = (quantizationRange - 1) / (2 * clippingRange);
        this.top = quantizationRange - 1;
    }

    /** Size of one quantisation step, 2c / (R - 1). */
    public double step() {
        return 1 / scale;
    }

    public int[] quantize(float[] update, SplittableRandom random) {
        int[] q = new int[update.length];
        for (int i = 0; i < q.length; i++) {
            float x = update[i];
            if (Float.isNaN(x)) {
                throw new IllegalArgumentException("update element " + i + " is NaN");
            }
            double v = (Math.max(-clip, Math.min(clip, x)) + clip) * scale;
            double floor = Math.floor(v);
            // (c + c) * scale can round to just above R - 1; stepping up from there would give R, which leaves
            // the range the modulus was sized for and wraps to a negative int when R = 2^31
            long up = (long) floor + (random.nextDouble() < v - floor ? 1 : 0);
            q[i] = (int) Math.min(up, top);
        }
        return q;
    }

    /** Dequantises the sum (elements read as unsigned, already reduced mod 2^b) of {@code count} vectors. */
    public float[] dequantizeSum(int[] sum, int count) {
        float[] out = new float[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (Integer.toUnsignedLong(sum[i]) / scale - count * clip);
        }
        return out;
    }
}
