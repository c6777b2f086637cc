package org.leakbench.pipeline;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.dp.AdaptiveClipOptions;
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.ClientLevelDp;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * What is released under DP-FedAvg (McMahan et al. 2018), and so what an attacker outside the trusted server
 * sees: the mean of {@code fl.clients} clipped updates, the victim's among them, with N(0, σ²C²) added once to
 * their sum ({@link ClientLevelDp}; under adaptive clipping the first round's C and z_Δ). The other clients compute their updates on their own training rows.
 */
record DpFedAvgView(Update mean, int samples) {

    static DpFedAvgView aggregate(
            SweepPoint p,
            Model model,
            List<Tensor> params,
            VictimCase c,
            DataSplit data,
            Backend be,
            Update victim,
            SplittableRandom rng) {
        int n = p.intValue("fl.clients");
        int batch = c.images().length;
        float[][] rows = data.train().samples();
        if ((long) (n - 1) * batch > rows.length) {
            throw new IllegalArgumentException(
                    "not enough training rows for " + (n - 1) + " other clients of batch " + batch);
        }
        float[][] updates = new float[n][];
        updates[0] = victim.flatten();
        for (int k = 1; k < n; k++) {
            int[] idx = new int[batch];
            for (int i = 0; i < batch; i++) {
                idx[i] = (k - 1) * batch + i;
            }
            Tensor x = Sgd.batch(be, DType.F32, rows, idx, model.spec().inputShape());
            List<Tensor> g = Gradients.of(
                            model, params, x, Sgd.pick(data.train().labels(), idx))
                    .gradient();
            updates[k] = Update.fromTensors(g).flatten();
        }
        ClientDpOptions options = UtilityRunner.clientDp(p);
        AdaptiveClipOptions adaptive = UtilityRunner.adaptiveClip(p);
        if (adaptive != null) {
            // The first round clips at the starting norm; the count takes its share of sigma's budget.
            options = new ClientDpOptions(
                    options.clipNorm(), adaptive.updateNoiseMultiplier(options.noiseMultiplier(), n));
        }
        ClientLevelDp dp = new ClientLevelDp(options, NoiseSources.gaussian(p.string("dp.noise"), rng));
        // Every client takes part (q = 1), so the expected number of participants is n.
        return new DpFedAvgView(victim.withFlat(dp.aggregate(updates, n)), n * batch);
    }
}
