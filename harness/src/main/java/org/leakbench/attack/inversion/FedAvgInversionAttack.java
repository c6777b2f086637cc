package org.leakbench.attack.inversion;

import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.optim.Adam;
import org.leakbench.optim.AdamOptions;
import org.leakbench.optim.OptimResult;
import org.leakbench.tensor.DType;
import org.leakbench.update.Observation;

/**
 * FedAvg-aware inversion (Dimitrov, Balunović, Konstantinov, Vechev, "Data Leakage in Federated Averaging", TMLR
 * 2022): instead of reading a FedAvg weight difference as one gradient, as DLG and Inverting Gradients do, the
 * client's local steps are simulated differentiably on the candidate inputs ({@link FedAvgSimulation}) with one copy
 * of the batch per epoch and the epoch-order-invariance prior tying the copies together. Signed Adam in the
 * [0, 1] box with IG's step decay; labels from the update read as a gradient ({@link LabelRecovery}), the count
 * estimate the naive attacks use too. The reconstruction is the mean of the epochs' copies. On a FedSGD gradient
 * (one step) it is Inverting Gradients with the cosine distance taken on the update.
 */
public final class FedAvgInversionAttack implements Attack {
    private final int iterations;
    private final double learningRate;
    private final double tvWeight;
    private final double priorWeight;

    /**
     * @param priorWeight λ of the epoch-order-invariance prior
     */
    public FedAvgInversionAttack(int iterations, double learningRate, double tvWeight, double priorWeight) {
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("attack.iterations must be in [1, 1000000], got " + iterations);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("attack.lr must be finite and > 0, got " + learningRate);
        }
        if (!(tvWeight >= 0) || Double.isInfinite(tvWeight) || !(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
            throw new IllegalArgumentException("attack.tv and attack.epoch-prior must be finite and >= 0, got "
                    + tvWeight + " and " + priorWeight);
        }
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.tvWeight = tvWeight;
        this.priorWeight = priorWeight;
    }

    @Override
    public String name() {
        return "fedavg-inversion";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        int[] labels = LabelRecovery.batchLabels(obs.gradientSignal(), obs.batchSize());
        int epochs = obs.kind() == Observation.Kind.WEIGHT_DIFFERENCE ? obs.localSteps() : 1;
        FedAvgSimulation objective = new FedAvgSimulation(obs, DType.F32, labels, epochs, tvWeight, priorWeight);
        double[] first = new double[objective.dimension() / epochs];
        for (int i = 0; i < first.length; i++) {
            first[i] = ctx.rng().nextDouble(); // uniform in the box; every epoch's copy starts equal
        }
        double[] z0 = new double[objective.dimension()];
        for (int e = 0; e < epochs; e++) {
            System.arraycopy(first, 0, z0, e * first.length, first.length);
        }
        AdamOptions adam = new AdamOptions(iterations, learningRate, true, true, z0.length, 0.0, 1.0);
        OptimResult r = new Adam(adam).minimize(objective, z0, ctx::stopRequested);
        String status = r.status() == OptimResult.Status.CANCELLED
                ? ctx.stopStatus()
                : r.diverged() || !Double.isFinite(r.value()) ? AttackResult.DIVERGED : AttackResult.OK;
        if (!Double.isFinite(r.value())) {
            return new AttackResult(null, labels, status, r.iterations(), Double.NaN, DlgAttack.millis(start));
        }
        return new AttackResult(
                objective.images(objective.mean(r.x())),
                labels,
                status,
                r.iterations(),
                r.value(),
                DlgAttack.millis(start));
    }
}
