package org.leakbench.defense.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.update.Update;

/**
 * Uniform quantisation to b bits with stochastic rounding, in the spirit of QSGD (Alistarh et al., NeurIPS
 * 2017): each tensor's range [min, max] (its per-tensor scale) is cut into 2^b − 1 steps of width Δ, and a
 * value between two levels rounds up with probability equal to its distance from the lower level over Δ.
 * So the result is unbiased, E[q(v)] = v, and never further than Δ from v. Unlike QSGD's norm scale and
 * sign bit, the min/max range makes one bit meaningful (two levels).
 *
 * <p>Sent as b bits per entry plus min and max per tensor (8 bytes).
 */
public final class StochasticQuantization implements UpdateDefense {
    private final QuantizationOptions options;

    public StochasticQuantization(QuantizationOptions options) {
        this.options = options;
    }

    public QuantizationOptions options() {
        return options;
    }

    @Override
    public Update apply(Update update, SplittableRandom rng) {
        List<float[]> out = new ArrayList<>(update.values().size());
        for (float[] v : update.values()) {
            out.add(quantize(v, options.levels(), rng));
        }
        return update.withValues(out);
    }

    /** One tensor quantised to {@code levels} + 1 levels over its own range. */
    static float[] quantize(float[] v, int levels, SplittableRandom rng) {
        float[] out = new float[v.length];
        if (v.length == 0) {
            return out;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double step = (hi - lo) / levels;
        if (!(step > 0) || Double.isInfinite(step)) {
            // A constant tensor is exact at any bit width (and non-finite input is passed through).
            return v.clone();
        }
        for (int i = 0; i < v.length; i++) {
            double t = (v[i] - lo) / step;
            double floor = Math.floor(t);
            double level = floor + (rng.nextDouble() < t - floor ? 1 : 0);
            level = Math.min(levels, Math.max(0, level));
            out[i] = (float) (lo + level * step);
        }
        return out;
    }

    @Override
    public long bytesSent(Update input) {
        long bytes = 0;
        for (float[] v : input.values()) {
            bytes += ((long) v.length * options.bits() + 7) / 8 + 8;
        }
        return bytes;
    }

    @Override
    public String name() {
        return "quant-" + options.bits() + "b";
    }
}
