package org.leakbench.attack.analytic;

import java.util.List;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.inversion.LabelRecovery;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * Closed-form recovery from a first layer that is linear with a bias (Phong et al. 2017): for a layer
 * x·W + b, dL/dW[:, j] = Σ_n x_n δ_nj and dL/db_j = Σ_n δ_nj, so for one sample every unit with
 * δ_j ≠ 0 gives x = dL/dW[:, j] / dL/db_j exactly. We combine all units by least squares,
 * x = Σ_j gW[:, j]·gb_j / Σ_j gb_j², which is exact for one sample and robust to tiny δ_j. For a batch
 * the ratio gives mixtures; we return the unit-wise ratios of the B units with the largest |gb_j|,
 * which isolate single samples when a ReLU unit fires for only one of them.
 */
public final class AnalyticAttack implements Attack {
    @Override
    public String name() {
        return "analytic";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        String family = obs.model().spec().family();
        if (!family.equals(ModelSpec.MLP) && !family.equals(ModelSpec.LINEAR)) {
            return AttackResult.failed(
                    "analytic recovery needs a first layer that is linear with a bias "
                            + "(model mlp or logistic), not " + family,
                    0);
        }
        if (ctx.stopRequested()) {
            return AttackResult.empty(ctx.stopStatus(), 0, millis(start));
        }
        if (!obs.finiteUpdate()) { // the ratios would be NaN or infinite: nothing was measured
            return AttackResult.empty(AttackResult.DIVERGED, 0, millis(start));
        }
        List<Tensor> g = obs.gradientSignal();
        double[] gw = g.get(0).toDoubleArray();
        double[] gb = g.get(1).toDoubleArray();
        int in = g.get(0).shape()[0];
        int units = g.get(0).shape()[1];
        int batch = obs.batchSize();
        float[][] out;
        if (batch == 1) {
            out = new float[][] {leastSquares(gw, gb, in, units)};
        } else {
            out = strongestUnits(gw, gb, in, units, batch);
        }
        if (out == null) {
            return AttackResult.failed("the first-layer bias gradient is zero: no signal", millis(start));
        }
        int[] labels = LabelRecovery.batchLabels(g, batch);
        return new AttackResult(out, labels, AttackResult.OK, 0, Double.NaN, millis(start));
    }

    private static float[] leastSquares(double[] gw, double[] gb, int in, int units) {
        double norm = 0;
        for (double v : gb) {
            norm += v * v;
        }
        if (norm == 0) {
            return null;
        }
        float[] x = new float[in];
        for (int i = 0; i < in; i++) {
            double s = 0;
            for (int j = 0; j < units; j++) {
                s += gw[i * units + j] * gb[j];
            }
            x[i] = (float) (s / norm);
        }
        return x;
    }

    private static float[][] strongestUnits(double[] gw, double[] gb, int in, int units, int batch) {
        Integer[] order = new Integer[units];
        for (int j = 0; j < units; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(gb[b]), Math.abs(gb[a])));
        int n = Math.min(batch, units);
        if (gb[order[0]] == 0) {
            return null;
        }
        float[][] out = new float[n][in];
        for (int r = 0; r < n; r++) {
            int j = order[r];
            if (gb[j] == 0) {
                continue;
            }
            for (int i = 0; i < in; i++) {
                out[r][i] = (float) (gw[i * units + j] / gb[j]);
            }
        }
        return out;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
