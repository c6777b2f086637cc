package org.leakbench.attack.inversion;

import java.util.SplittableRandom;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.optim.Lbfgs;
import org.leakbench.optim.LbfgsOptions;
import org.leakbench.optim.OptimResult;
import org.leakbench.update.Observation;

/**
 * Deep Leakage from Gradients (Zhu, Liu, Han, NeurIPS 2019): start from Gaussian dummy inputs and dummy
 * label logits and minimise the squared L2 distance between their gradient and the observed one with
 * L-BFGS. With {@code recoverLabels} the labels are first read off the gradient (iDLG, Zhao et al.
 * 2020) and kept fixed, which makes the problem easier.
 */
public final class DlgAttack implements Attack {
    private final DlgOptions options;
    private final Adaptation adaptation;

    public DlgAttack(DlgOptions options) {
        this(options, Adaptation.NONE);
    }

    /** DLG adapted to the known defense {@code adaptation} (the naive attack for {@link Adaptation#NONE}). */
    public DlgAttack(DlgOptions options, Adaptation adaptation) {
        this.options = options;
        this.adaptation = adaptation;
    }

    @Override
    public String name() {
        return options.recoverLabels() ? "idlg" : "dlg";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        int[] labels =
                options.recoverLabels() ? LabelRecovery.batchLabels(obs.gradientSignal(), obs.batchSize()) : null;
        GradientMatching objective = adaptation.apply(
                new GradientMatching(obs, options.dtype(), labels, GradientMatching.Distance.SQUARED_L2, 0),
                obs.model());
        double[] z0 = gaussian(objective.dimension(), ctx.rng());
        OptimResult r;
        try {
            r = new Lbfgs(LbfgsOptions.iterations(options.iterations())).minimize(objective, z0, ctx::stopRequested);
        } catch (ArithmeticException | IllegalStateException e) {
            return AttackResult.empty(AttackResult.DIVERGED, 0, millis(start));
        }
        // A stopped run is not the attack that was asked for (fewer iterations), so it never claims ok.
        String status = r.status() == OptimResult.Status.CANCELLED
                ? ctx.stopStatus()
                : r.diverged() || !Double.isFinite(r.value()) ? AttackResult.DIVERGED : AttackResult.OK;
        return new AttackResult(
                objective.recovered(r.x()), objective.labels(r.x()), status, r.iterations(), r.value(), millis(start));
    }

    static double[] gaussian(int n, SplittableRandom rng) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextGaussian();
        }
        return z;
    }

    static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
