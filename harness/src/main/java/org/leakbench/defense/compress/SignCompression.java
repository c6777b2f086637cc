package org.leakbench.defense.compress;

import java.util.SplittableRandom;
import org.leakbench.update.Update;

/**
 * Sign compression (signSGD, Bernstein et al., ICML 2018) with a per-tensor scale: every entry becomes
 * sign(v)·mean|v| of its tensor, so the update keeps its signs and its L1 norm. Sent as 1 bit per entry
 * plus a 4-byte scale per tensor. An exact zero stays zero (1 bit cannot encode it; such entries are
 * rare in real gradients, and the byte count does not charge for them).
 */
public final class SignCompression extends FeedbackCompression {
    private final SignOptions options;

    public SignCompression(SignOptions options) {
        super(options.errorFeedback());
        this.options = options;
    }

    public SignCompression() {
        this(new SignOptions(false));
    }

    public SignOptions options() {
        return options;
    }

    @Override
    float[] compress(float[] flat, Update shapes, SplittableRandom rng) {
        float[] out = new float[flat.length];
        int at = 0;
        for (float[] tensor : shapes.values()) {
            int n = tensor.length;
            double sum = 0;
            for (int i = at; i < at + n; i++) {
                sum += Math.abs(flat[i]);
            }
            float scale = n == 0 ? 0f : (float) (sum / n);
            for (int i = at; i < at + n; i++) {
                out[i] = Math.signum(flat[i]) * scale;
            }
            at += n;
        }
        return out;
    }

    @Override
    FeedbackCompression fresh() {
        return new SignCompression(options);
    }

    @Override
    public long bytesSent(Update input) {
        long bytes = 0;
        for (float[] v : input.values()) {
            bytes += (v.length + 7L) / 8 + 4;
        }
        return bytes;
    }

    @Override
    public String name() {
        return "sign" + suffix();
    }
}
