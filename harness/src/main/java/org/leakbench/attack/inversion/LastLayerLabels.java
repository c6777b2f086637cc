package org.leakbench.attack.inversion;

import java.util.Arrays;
import java.util.List;
import org.leakbench.tensor.Tensor;

/**
 * Batch labels from the weight gradient of the last linear layer W [classes, features], for a cross-entropy on
 * non-negative features h (after ReLU or sigmoid). Row c of the mean gradient is (1/B) Σ_i (p_ic − y_ic) h_i, so
 * its entries, and their sum, are negative only where class c occurs in the batch.
 *
 * <ul>
 *   <li>{@link #distinctLabels}: GradInversion's rule (Yin, Mallya, Vahdat, Alvarez, Kautz, Molchanov, "See through
 *       Gradients: Image Batch Recovery via GradInversion", CVPR 2021, Sec. 3.1): the B classes whose row has the
 *       most negative minimum, for batches without repeated labels.
 *   <li>{@link #llg}: LLG (Wainakh, Ventola, Müßig, Keim, Gil Cordero, Zimmer, Grube, Kersting, Mühlhäuser,
 *       "User-Level Label Leakage from Gradients in Federated Learning", PoPETs 2022): label counts from the row
 *       sums g_c. Every class with g_c &lt; 0 is taken once; then the class with the smallest remaining sum is taken
 *       until B labels are drawn, each draw adding back one occurrence's impact m. With features of mean sum s̄ and
 *       near-uniform predictions (an untrained model), g_c ≈ s̄ (1/K − n_c/B), so one occurrence moves g_c by
 *       m = s̄/B and an absent class sits at s̄/K = m·B/K. The impact is estimated from the gradient alone: the
 *       negative sums add up to s̄ (P − 1) with P ≈ k/K for the k classes present, so m = −Σ_{g_c&lt;0} g_c / (B (1 −
 *       k/K)). The paper's LLG* and LLG+ instead estimate m from dummy or auxiliary data through the model.
 * </ul>
 */
public final class LastLayerLabels {
    private LastLayerLabels() {}

    /**
     * The last layer's weight gradient as rows per class: the last 2-D tensor with a side of {@code classes},
     * stored [classes, features] (PyTorch's layout) or [features, classes] (the MLP and LeNet here).
     */
    static double[][] weightGradient(List<Tensor> gradient, int classes) {
        for (int t = gradient.size() - 1; t >= 0; t--) {
            int[] s = gradient.get(t).shape();
            if (s.length != 2 || (s[0] != classes && s[1] != classes)) {
                continue;
            }
            boolean byRow = s[0] == classes;
            int features = byRow ? s[1] : s[0];
            double[] flat = gradient.get(t).toDoubleArray();
            double[][] rows = new double[classes][features];
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < features; j++) {
                    rows[c][j] = byRow ? flat[c * features + j] : flat[j * classes + c];
                }
            }
            return rows;
        }
        throw new IllegalArgumentException("last-layer label recovery needs a linear layer with " + classes
                + " outputs ([classes, features] or [features, classes]); the update has none");
    }

    /** GradInversion: the {@code batch} classes with the most negative row minimum, sorted (distinct labels). */
    public static int[] distinctLabels(List<Tensor> gradient, int classes, int batch) {
        if (batch > classes) {
            throw new IllegalArgumentException("GradInversion's label rule assumes distinct labels, but a batch of "
                    + batch + " cannot have distinct labels among " + classes + " classes");
        }
        double[][] w = weightGradient(gradient, classes);
        Integer[] order = new Integer[classes];
        double[] min = new double[classes];
        for (int c = 0; c < classes; c++) {
            order[c] = c;
            min[c] = Arrays.stream(w[c]).min().orElse(0);
        }
        Arrays.sort(order, (a, b) -> Double.compare(min[a], min[b]));
        int[] out = new int[batch];
        for (int i = 0; i < batch; i++) {
            out[i] = order[i];
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The row sum of a class absent from the batch: the mean of the positive sums (every absent class has one),
     * or, when every class is present, the share the negative sums imply, −Σ_{g_c<0} g_c / K.
     */
    private static double absentOffset(double[] g, int present) {
        double sum = 0;
        int n = 0;
        double negative = 0;
        for (double v : g) {
            if (v > 0) {
                sum += v;
                n++;
            } else {
                negative += v;
            }
        }
        return n > 0 && present < g.length ? sum / n : -negative / g.length;
    }

    /** LLG: the label multiset of a batch of {@code batch}, sorted by class. */
    public static int[] llg(List<Tensor> gradient, int classes, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("LLG: batch must be >= 1, got " + batch);
        }
        double[][] w = weightGradient(gradient, classes);
        double[] g = new double[classes];
        double negative = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            g[c] = Arrays.stream(w[c]).sum();
            if (!Double.isFinite(g[c])) {
                throw new IllegalArgumentException("LLG: the last layer's gradient row " + c + " is not finite");
            }
            if (g[c] < 0) {
                negative += g[c];
                present++;
            }
        }
        // An absent class sits at the offset o = s̄/K; a present one below it by n_c·m with m = s̄/B = K·o/B.
        double offset = absentOffset(g, present);
        double impact = offset > 0 ? classes * offset / batch : -negative / batch;
        int[] counts = new int[classes];
        int drawn = 0;
        double[] residual = new double[classes];
        for (int c = 0; c < classes; c++) {
            residual[c] = g[c] - offset; // ≈ −n_c·m
        }
        Integer[] byValue = new Integer[classes];
        for (int c = 0; c < classes; c++) {
            byValue[c] = c;
        }
        Arrays.sort(byValue, (a, b) -> Double.compare(g[a], g[b])); // the most negative first if there are > B
        for (int c : byValue) {
            if (g[c] < 0 && drawn < batch) {
                counts[c]++;
                residual[c] += impact;
                drawn++;
            }
        }
        while (drawn < batch) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (residual[c] < residual[best]) {
                    best = c;
                }
            }
            counts[best]++;
            residual[best] += impact;
            drawn++;
        }
        int[] out = new int[batch];
        int i = 0;
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < counts[c]; j++) {
                out[i++] = c;
            }
        }
        return out;
    }
}
