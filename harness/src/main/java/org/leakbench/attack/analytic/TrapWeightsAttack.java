package org.leakbench.attack.analytic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.component.ParameterView;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * The "trap weights" attack of Boenisch et al. ("When the Curious Abandon Honesty: Federated Learning Is Not
 * Private", EuroS&P 2023): the server keeps the architecture and sends {@link TrapWeights} as the first fully
 * connected ReLU layer, so that each row fires for few inputs. A row that fired for exactly one sample of the batch
 * holds that sample exactly in ∂L/∂W_j / ∂L/∂b_j; {@link RatioGroups} finds those rows among the mixed ones by the
 * fact that several rows repeat the same sample. With m rows firing at rate p, a sample of a batch of n is found when
 * at least one row fires for it alone: 1 − (1 − p(1 − p)^(n−1))^m, which shrinks as n grows at fixed m.
 */
public final class TrapWeightsAttack implements MaliciousServerAttack {
    private final double rate;

    /** An attack whose rows fire for {@code rate} of the inputs, or 1/batch (the rate that isolates most) for 0. */
    public TrapWeightsAttack(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("trap.rate " + rate + ": must be in [0, 1) (0 = 1/batch)");
        }
        this.rate = rate;
    }

    @Override
    public String name() {
        return "trap-weights";
    }

    /** The firing rate at {@code batch}: p(1 − p)^(n−1) is largest at p = 1/n. */
    public double rate(int batch) {
        return rate == 0 ? 1.0 / Math.max(2, batch) : rate;
    }

    @Override
    public String refusal(ParameterView point) {
        return firstLayerRefusal(point, "trap weights");
    }

    /** Why a point's model has no first fully connected ReLU layer to read samples off, or null. */
    static String firstLayerRefusal(ParameterView point, String what) {
        if (!ModelSpec.MLP.equals(point.string("model"))) {
            return what + " read samples off a first fully connected ReLU layer: model " + point.string("model")
                    + " has none (set model: mlp)";
        }
        if (!"relu".equals(point.string("model.activation"))) {
            return what + " need ReLU rows that stay silent for most inputs: model.activation "
                    + point.string("model.activation") + " is never zero (set model.activation: relu)";
        }
        return null;
    }

    @Override
    public ServerModel modelToSend(
            Model honest, List<Tensor> params, float[][] publicSamples, int batch, SplittableRandom rng) {
        checkReluMlp(honest.spec(), "trap weights");
        int[] shape = params.get(0).shape();
        Backend be = params.get(0).backend();
        double[] w = TrapWeights.weights(shape[0], shape[1], rate(batch), publicSamples, rng);
        List<Tensor> sent = new ArrayList<>(params);
        sent.set(0, be.fromArray(w, params.get(0).dtype(), shape));
        sent.set(1, be.zeros(params.get(1).dtype(), params.get(1).shape()));
        return new ServerModel(honest, sent);
    }

    static void checkReluMlp(ModelSpec spec, String what) {
        if (!ModelSpec.MLP.equals(spec.family()) || spec.activation() != Activation.RELU) {
            throw new IllegalArgumentException(what + " need a first fully connected ReLU layer (model mlp, "
                    + "model.activation relu), not " + spec.label());
        }
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        if (!ModelSpec.MLP.equals(obs.model().spec().family())) {
            return AttackResult.failed(
                    "trap weights need the server's fully connected first layer, not "
                            + obs.model().spec().family(),
                    0);
        }
        if (ctx.stopRequested()) {
            return AttackResult.empty(ctx.stopStatus(), 0, millis(start));
        }
        if (!obs.finiteUpdate()) { // the ratios would be NaN or infinite: nothing was measured
            return AttackResult.empty(AttackResult.DIVERGED, 0, millis(start));
        }
        return firstLayerSamples(obs, obs.batchSize(), start);
    }

    /** The up to {@code limit} samples the first layer's rows repeat most, as a result. */
    static AttackResult firstLayerSamples(Observation obs, int limit, long start) {
        List<Tensor> g = obs.gradientSignal();
        int[] shape = g.get(0).shape();
        float[][] out =
                RatioGroups.strongest(g.get(0).toDoubleArray(), g.get(1).toDoubleArray(), shape[0], shape[1], limit);
        if (out.length == 0) {
            return AttackResult.failed("no row of the first layer was activated", millis(start));
        }
        return new AttackResult(out, null, AttackResult.OK, 0, Double.NaN, millis(start));
    }

    static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
