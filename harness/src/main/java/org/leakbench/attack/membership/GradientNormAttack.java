package org.leakbench.attack.membership;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.model.Gradients;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;

/**
 * A white-box attack on the parameter gradient: an overfit model sits near a minimum of every training
 * sample's loss, so members have small per-sample gradients. The score is −‖∇θ ℓ(x, y)‖₂ over all
 * parameters (the gradient-norm signal studied e.g. by Nasr et al., IEEE S&amp;P 2019). Deterministic.
 */
public final class GradientNormAttack extends TargetScoringAttack {
    @Override
    public String name() {
        return "gradient-norm";
    }

    @Override
    double[] scoreChecked(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
        Backend be = target.backend();
        double[] out = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            int[] one = {i};
            Tensor x = Sgd.batch(
                    be, target.dtype(), samples, one, target.model().spec().inputShape());
            List<Tensor> g = Gradients.of(target.model(), target.parameters(), x, Sgd.pick(labels, one))
                    .gradient();
            double sq = 0;
            for (Tensor t : g) {
                for (double v : t.toDoubleArray()) {
                    sq += v * v;
                }
            }
            double norm = Math.sqrt(sq);
            out[i] = Double.isFinite(norm) ? -norm : -Double.MAX_VALUE;
        }
        return out;
    }
}
