package org.leakbench.attack.inversion;

import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.optim.Adam;
import org.leakbench.optim.AdamOptions;
import org.leakbench.optim.OptimResult;
import org.leakbench.update.Observation;

/**
 * Inverting Gradients (Geiping, Bauermeister, Dröge, Moeller, NeurIPS 2020): cosine distance between
 * gradients plus a total-variation prior, minimised by Adam on the sign of the gradient inside the
 * [0, 1] image box, with step decay; several restarts, keeping the one with the lowest objective.
 * Labels come from the gradient (iDLG / count estimate), as the paper assumes them known.
 */
public final class InvertingGradientsAttack implements Attack {
    private final InvertingGradientsOptions options;
    private final Adaptation adaptation;

    public InvertingGradientsAttack(InvertingGradientsOptions options) {
        this(options, Adaptation.NONE);
    }

    /** Inverting Gradients adapted to the known defense {@code adaptation} (naive for {@link Adaptation#NONE}). */
    public InvertingGradientsAttack(InvertingGradientsOptions options, Adaptation adaptation) {
        this.options = options;
        this.adaptation = adaptation;
    }

    @Override
    public String name() {
        return "ig";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        int[] labels = LabelRecovery.batchLabels(obs.gradientSignal(), obs.batchSize());
        GradientMatching objective = adaptation.apply(
                new GradientMatching(
                        obs, options.dtype(), labels, GradientMatching.Distance.COSINE, options.tvWeight()),
                obs.model());
        AdamOptions adam = new AdamOptions(
                options.iterations(),
                options.learningRate(),
                true,
                true,
                objective.imageLength(),
                objective.candidateLow(),
                1.0);
        double low = objective.candidateLow();
        OptimResult best = null;
        int iterations = 0;
        boolean diverged = false;
        boolean stopped = false;
        for (int restart = 0; restart < options.restarts() && !stopped; restart++) {
            double[] z0 = new double[objective.dimension()];
            for (int i = 0; i < z0.length; i++) {
                z0[i] = low + (1 - low) * ctx.rng().nextDouble(); // uniform in the box
            }
            OptimResult r = new Adam(adam).minimize(objective, z0, ctx::stopRequested);
            iterations += r.iterations();
            stopped = r.status() == OptimResult.Status.CANCELLED;
            if (!Double.isFinite(r.value())) { // diverged, or stopped before the first evaluation
                diverged |= r.diverged();
                continue;
            }
            if (best == null || r.value() < best.value()) {
                best = r;
            }
        }
        // A stopped run is not the attack that was asked for (fewer iterations), so it never claims ok.
        String status = stopped
                ? ctx.stopStatus()
                : best == null && diverged
                        ? AttackResult.DIVERGED
                        : best == null ? "failed: no restart finished" : AttackResult.OK;
        if (best == null) {
            return new AttackResult(null, labels, status, iterations, Double.NaN, DlgAttack.millis(start));
        }
        return new AttackResult(
                objective.recovered(best.x()), labels, status, iterations, best.value(), DlgAttack.millis(start));
    }
}
