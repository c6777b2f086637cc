package org.leakbench.fl;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ObservedRound;
import org.leakbench.update.Update;

/**
 * A client that watches the global models it receives. From θ_t, θ_{t+1}, the number of participants n
 * and the public server step it recovers the sum of the other participants' updates:
 * Σ_{j≠me} u_j = n·(θ_t − θ_{t+1}) / step − u_me, where step = serverLr·lr for FedSGD and serverLr for
 * FedAvg. Secure aggregation does not hide this, since it is derived from the public model.
 */
public final class CuriousClient implements ThreatModel {
    @Override
    public ObservedRound observe(RoundRecord r, int self) {
        int me = r.requireParticipant(self);
        int n = r.participants().length;
        if (n < 2) {
            throw new IllegalArgumentException(
                    "curious client " + self + ": round " + r.round() + " has no other participant");
        }
        Update own = r.updates().get(me);
        FlOptions o = r.options();
        double step = o.algorithm() == Algorithm.FEDSGD ? o.serverLr() * o.lr() : o.serverLr();
        List<float[]> others = new ArrayList<>();
        for (int t = 0; t < r.paramsBefore().size(); t++) {
            Tensor before = r.paramsBefore().get(t);
            double[] b = before.toDoubleArray();
            double[] a = r.paramsAfter().get(t).toDoubleArray();
            float[] mine = own.values().get(t);
            float[] sum = new float[b.length];
            for (int j = 0; j < b.length; j++) {
                sum[j] = (float) (n * (b[j] - a[j]) / step - mine[j]);
            }
            others.add(sum);
        }
        int[] ids = new int[n - 1];
        int k = 0;
        for (int p : r.participants()) {
            if (p != self) {
                ids[k++] = p;
            }
        }
        Update sum = own.withValues(others);
        return new ObservedRound(
                r.paramsBefore(),
                r.sentModel(),
                sum,
                r.totalExamples() - r.examples()[me],
                own.kind(),
                own.localSteps(),
                own.lr(),
                ids);
    }

    @Override
    public String name() {
        return "curious-client";
    }
}
