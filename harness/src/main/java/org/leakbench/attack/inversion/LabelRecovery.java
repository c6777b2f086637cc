package org.leakbench.attack.inversion;

import java.util.List;
import org.leakbench.tensor.Tensor;

/**
 * Labels from the last layer's gradient, without optimisation.
 *
 * <p>For one sample and cross-entropy, the output-bias gradient is softmax(z) − onehot(y): its only
 * negative entry is the true label (iDLG, Zhao et al. 2020). For a batch, the mean bias gradient is
 * p̄ − n/B, so the label counts are n_c ≈ B·(p̄_c − g_c); with p̄ unknown we estimate it by 1/K (a
 * fresh model predicts near uniformly) and round to counts that sum to B by largest remainders.
 */
public final class LabelRecovery {
    private LabelRecovery() {}

    /** The output-bias gradient: by convention the last parameter tensor of every model here. */
    static double[] outputBiasGradient(List<Tensor> gradient) {
        return gradient.get(gradient.size() - 1).toDoubleArray();
    }

    /** iDLG: the label of a single sample. */
    public static int singleLabel(List<Tensor> gradient) {
        double[] g = outputBiasGradient(gradient);
        int best = 0;
        for (int k = 1; k < g.length; k++) {
            if (g[k] < g[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Estimated labels of a batch (as a multiset, sorted by class). */
    public static int[] batchLabels(List<Tensor> gradient, int batch) {
        if (batch == 1) {
            return new int[] {singleLabel(gradient)};
        }
        double[] g = outputBiasGradient(gradient);
        int k = g.length;
        double[] expected = new double[k];
        int[] counts = new int[k];
        int total = 0;
        for (int c = 0; c < k; c++) {
            // No class holds more than the batch: the clamp keeps counts (and the loops below) bounded when a
            // noisy, huge or infinite gradient asks for billions of samples of one class.
            expected[c] = Math.min(batch, Math.max(0, batch * (1.0 / k - g[c])));
            counts[c] = (int) Math.floor(expected[c]);
            total += counts[c];
        }
        while (total < batch) { // largest remainders first
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (expected[c] - counts[c] > expected[best] - counts[best]) {
                    best = c;
                }
            }
            counts[best]++;
            total++;
        }
        while (total > batch) {
            int worst = -1;
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0 && (worst < 0 || expected[c] - counts[c] < expected[worst] - counts[worst])) {
                    worst = c;
                }
            }
            counts[worst]--;
            total--;
        }
        int[] out = new int[batch];
        int i = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < counts[c]; j++) {
                out[i++] = c;
            }
        }
        return out;
    }
}
