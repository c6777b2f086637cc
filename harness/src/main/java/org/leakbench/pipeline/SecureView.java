package org.leakbench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.secagg.AggregationResult;
import org.leakbench.defense.secagg.DropoutSchedule;
import org.leakbench.defense.secagg.SecAggConfig;
import org.leakbench.defense.secagg.SecureAggregator;
import org.leakbench.defense.secagg.SecurityMode;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * What the server sees under secure aggregation: only the mean of {@code fl.clients} updates, the
 * victim's among them, summed by the real protocol (SecAgg or SecAgg+, against the server {@code secagg.security}
 * names: semi-honest or active). The other clients compute their
 * updates on their own training rows with the same model.
 */
record SecureView(Update mean, int samples, long bytesPerClient) {

    static SecureView aggregate(
            SweepPoint p,
            Model model,
            List<Tensor> params,
            VictimCase c,
            DataSplit data,
            Backend be,
            Update victim,
            SplittableRandom rng) {
        int n = p.intValue("fl.clients");
        List<float[]> updates = clientUpdates(p, model, params, c, data, be, victim);
        SecAggConfig.Mode mode =
                "secagg+".equals(p.string("defense")) ? SecAggConfig.Mode.SECAGG_PLUS : SecAggConfig.Mode.SECAGG;
        SecAggConfig config = SecAggConfig.defaults(mode).withSecurity(SecurityMode.parse(p.string("secagg.security")));
        AggregationResult r = new SecureAggregator().aggregate(updates, config, DropoutSchedule.none(), rng.nextLong());
        float[] mean = r.sum().clone();
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= n;
        }
        return new SecureView(victim.withFlat(mean), n * c.images().length, r.bytesSent()[0]);
    }

    /**
     * The victim's flat update first, then those of the other {@code fl.clients - 1} clients, each computed on its
     * own training rows with the same model (what both secure views sum).
     */
    static List<float[]> clientUpdates(
            SweepPoint p, Model model, List<Tensor> params, VictimCase c, DataSplit data, Backend be, Update victim) {
        int n = p.intValue("fl.clients");
        if (n < 3) {
            throw new IllegalArgumentException("defense " + p.string("defense") + " needs fl.clients >= 3 so that "
                    + "the server sees a sum of several updates; got fl.clients = " + n);
        }
        int batch = c.images().length;
        float[][] rows = data.train().samples();
        if ((long) (n - 1) * batch > rows.length) {
            throw new IllegalArgumentException(
                    "not enough training rows for " + (n - 1) + " other clients of batch " + batch);
        }
        List<float[]> updates = new ArrayList<>();
        updates.add(victim.flatten());
        for (int k = 1; k < n; k++) {
            int[] idx = new int[batch];
            for (int i = 0; i < batch; i++) {
                idx[i] = (k - 1) * batch + i;
            }
            Tensor x = Sgd.batch(be, DType.F32, rows, idx, model.spec().inputShape());
            List<Tensor> g = Gradients.of(
                            model, params, x, Sgd.pick(data.train().labels(), idx))
                    .gradient();
            updates.add(Update.fromTensors(g).flatten());
        }
        return updates;
    }
}
