package org.leakbench.attack.inversion;

import java.util.List;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.model.Model;
import org.leakbench.optim.Adam;
import org.leakbench.optim.AdamOptions;
import org.leakbench.optim.OptimResult;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * GradInversion (Yin, Mallya, Vahdat, Alvarez, Kautz, Molchanov, "See through Gradients: Image Batch Recovery via
 * GradInversion", CVPR 2021): gradient matching with a batch-norm prior ({@link BatchNormPrior}), group consistency
 * over restarts optimised together ({@link GroupConsistency}) and labels read off the last layer's weight gradient
 * ({@link LastLayerLabels#distinctLabels}, the paper's rule for batches without repeated labels; a batch larger
 * than the class count falls back to the bias-gradient count estimate of {@link LabelRecovery}).
 *
 * <p>The gradient distance, total variation, signed Adam in the [0, 1] box and the step decay are those of
 * Inverting Gradients ({@link InvertingGradientsAttack}), so that with {@code bn-stats: none} and one restart the
 * attack is IG and any difference is the prior's. (The paper matches with the L2 distance and a cosine-decayed
 * step; breaching's configuration of it does the same.) The threat model {@link GradInversionOptions.BnStats}
 * picks the prior's targets: the batch's own statistics when the observation carries them, else the running
 * statistics the server sent (a fresh model's means 0 and variances 1 when the observation has none).
 */
public final class GradInversionAttack implements Attack {
    private final GradInversionOptions options;
    private final Adaptation adaptation;

    public GradInversionAttack(GradInversionOptions options) {
        this(options, Adaptation.NONE);
    }

    /** GradInversion adapted to the known defense {@code adaptation} (naive for {@link Adaptation#NONE}). */
    public GradInversionAttack(GradInversionOptions options, Adaptation adaptation) {
        this.options = options;
        this.adaptation = adaptation;
    }

    @Override
    public String name() {
        return "gradinversion";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        Model model = obs.model();
        if (options.bnStats() != GradInversionOptions.BnStats.NONE
                && model.bufferShapes().isEmpty()) {
            throw new IllegalArgumentException("attack gradinversion with attack.bn-stats "
                    + options.bnStats().value() + " needs a model with BatchNorm layers; model "
                    + model.spec().family() + " has none (set attack.bn-stats: none, or model.norm: batch)");
        }
        List<Tensor> targets = targets(obs);
        if (targets == null) {
            return AttackResult.failed(
                    "attack.bn-stats known, but the server saw no batch statistics of the victim (its update "
                            + "was aggregated or carries none)",
                    DlgAttack.millis(start));
        }
        int[] labels = labels(obs);
        GradientMatching each = adaptation.apply(
                new GradientMatching(
                        obs, options.dtype(), labels, GradientMatching.Distance.COSINE, options.tvWeight()),
                model);
        if (options.usesPrior()) {
            each.withBatchNormPrior(
                    new BatchNormPrior(model, targets, obs.parameters().get(0).backend(), options.dtype()),
                    options.bnWeight());
        }
        GroupConsistency group =
                new GroupConsistency(each, each.dimension(), options.restarts(), options.groupWeight());
        AdamOptions adam = new AdamOptions(
                options.iterations(), options.learningRate(), true, true, group.dimension(), each.candidateLow(), 1.0);
        double[] z0 = new double[group.dimension()];
        for (int i = 0; i < z0.length; i++) {
            z0[i] = each.candidateLow() + (1 - each.candidateLow()) * ctx.rng().nextDouble(); // uniform in the box
        }
        OptimResult r = new Adam(adam).minimize(group, z0, ctx::stopRequested);
        String status = r.status() == OptimResult.Status.CANCELLED
                ? ctx.stopStatus()
                : r.diverged() || !Double.isFinite(r.value()) ? AttackResult.DIVERGED : AttackResult.OK;
        if (!Double.isFinite(r.value())) {
            return new AttackResult(null, labels, status, r.iterations(), Double.NaN, DlgAttack.millis(start));
        }
        return new AttackResult(
                each.recovered(group.mean(r.x())), labels, status, r.iterations(), r.value(), DlgAttack.millis(start));
    }

    /** The prior's targets under the threat model, or null when the batch's statistics are asked for but unseen. */
    private List<Tensor> targets(Observation obs) {
        return switch (options.bnStats()) {
            case KNOWN -> obs.batchStatistics().isEmpty() ? null : obs.batchStatistics();
            case RUNNING ->
                obs.runningStatistics().isEmpty()
                        ? obs.model().initialBuffers(obs.parameters().get(0).backend(), options.dtype())
                        : obs.runningStatistics();
            case NONE -> List.of();
        };
    }

    private static int[] labels(Observation obs) {
        int classes = obs.model().spec().numClasses();
        int batch = obs.batchSize();
        if (batch == 1) {
            return new int[] {LabelRecovery.singleLabel(obs.gradientSignal())};
        }
        return batch <= classes
                ? LastLayerLabels.distinctLabels(obs.gradientSignal(), classes, batch)
                : LabelRecovery.batchLabels(obs.gradientSignal(), batch);
    }
}
