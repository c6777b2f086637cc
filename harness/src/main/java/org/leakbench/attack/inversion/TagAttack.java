package org.leakbench.attack.inversion;

import java.util.List;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.metric.TokenScore;
import org.leakbench.model.Model;
import org.leakbench.optim.Adam;
import org.leakbench.optim.AdamOptions;
import org.leakbench.optim.OptimResult;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * TAG, gradient inversion on text (Deng, Wang, Lu, Ramadhani, Li, Jin, Kwon, Ding, EMNLP Findings 2021): the
 * distance between dummy and observed gradients is the squared L2 norm plus α times the L1 norm of their
 * difference, minimised with Adam over a relaxation of the tokens. The model must declare a relaxed input
 * [context, vocabulary] ({@link Model#attackInputShape()}); the unknowns are a score per token and position,
 * and the model sees their softmax, a probability vector over the vocabulary at every position. Each position is
 * decoded to its highest-scoring token, so the result holds token ids (as floats) like the true windows.
 *
 * <p>The next-token labels are read off the output-bias gradient when the model's last parameter is that bias
 * (for a last-position cross-entropy, exact for one sample as in iDLG, the count estimate of
 * {@link LabelRecovery} for a batch); otherwise they are optimised jointly as soft labels, as TAG does.
 */
public final class TagAttack implements Attack {
    private final TagOptions options;

    public TagAttack(TagOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "tag";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        Model model = obs.model();
        int[] relaxed = model.attackInputShape();
        if (relaxed.length != 2 || java.util.Arrays.equals(relaxed, model.spec().inputShape())) {
            throw new IllegalArgumentException("attack tag needs a model with a relaxed token input [context, "
                    + "vocabulary]; model " + model.spec().family() + " is optimised on samples of shape "
                    + java.util.Arrays.toString(relaxed));
        }
        int[] labels =
                outputBiasReadable(obs) ? LabelRecovery.batchLabels(obs.gradientSignal(), obs.batchSize()) : null;
        GradientMatching objective = new GradientMatching(
                obs, options.dtype(), labels, GradientMatching.Distance.SQUARED_L2, 0, options.l1Weight(), true);
        double[] z0 = DlgAttack.gaussian(objective.dimension(), ctx.rng());
        AdamOptions adam = new AdamOptions(options.iterations(), options.learningRate(), false, false, 0, 0, 1);
        OptimResult r = new Adam(adam).minimize(objective, z0, ctx::stopRequested);
        // A stopped run is not the attack that was asked for (fewer iterations), so it never claims ok.
        String status = r.status() == OptimResult.Status.CANCELLED
                ? ctx.stopStatus()
                : r.diverged() || !Double.isFinite(r.value()) ? AttackResult.DIVERGED : AttackResult.OK;
        if (!Double.isFinite(r.value())) {
            return new AttackResult(null, labels, status, r.iterations(), Double.NaN, DlgAttack.millis(start));
        }
        return new AttackResult(
                TokenScore.decodeRelaxed(objective.images(r.x()), relaxed[0], relaxed[1]),
                objective.labels(r.x()),
                status,
                r.iterations(),
                r.value(),
                DlgAttack.millis(start));
    }

    /** Whether the last update tensor is an output bias with one entry per class (what label recovery reads). */
    static boolean outputBiasReadable(Observation obs) {
        List<Tensor> g = obs.gradientSignal();
        int[] last = g.get(g.size() - 1).shape();
        return last.length == 1 && last[0] == obs.model().spec().numClasses();
    }
}
