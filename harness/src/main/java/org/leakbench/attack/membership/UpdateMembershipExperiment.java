package org.leakbench.attack.membership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * Membership inference against updates: in each trial a client draws a fresh batch, computes its update at
 * the global parameters (a FedSGD gradient or a FedAvg weight difference), applies its defense and sends it;
 * the server scores a few of the batch's records and as many records outside it with
 * {@link UpdateMembershipAttack}, calibrated on other records it knows were not in the batch. The scores of all
 * trials make one ROC, reported like the model-output attacks (AUC, TPR at 1% and 0.1% FPR, bootstrap bands).
 */
public final class UpdateMembershipExperiment {
    private final UpdateMembershipOptions options;

    public UpdateMembershipExperiment(UpdateMembershipOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("update membership: options must be given");
        }
        this.options = options;
    }

    /**
     * Runs the trials on the rows (samples, labels), the client's defense being {@code defense}.
     *
     * @param global the global parameters every update starts from
     */
    public MembershipResult run(
            Model model,
            List<Tensor> global,
            DType dtype,
            float[][] samples,
            int[] labels,
            UpdateDefense defense,
            SplittableRandom rng) {
        if (samples == null || labels == null || samples.length != labels.length) {
            throw new IllegalArgumentException("update membership: need as many labels as samples");
        }
        if (samples.length < options.rowsPerTrial()) {
            throw new IllegalArgumentException("update membership: a trial needs " + options.rowsPerTrial()
                    + " rows (batch " + options.batch() + ", " + options.membersPerTrial() + " non-members, "
                    + options.calibration() + " calibration records) but the data has " + samples.length);
        }
        UpdateMembershipAttack attack = new UpdateMembershipAttack(model, global, dtype);
        int k = options.membersPerTrial();
        List<Double> scores = new ArrayList<>();
        List<Boolean> member = new ArrayList<>();
        int[] order = new int[samples.length];
        Arrays.setAll(order, i -> i);
        for (int t = 0; t < options.trials(); t++) {
            SplittableRandom trial = rng.split();
            partialShuffle(order, options.rowsPerTrial(), trial);
            int b = options.batch();
            int[] batch = Arrays.copyOfRange(order, 0, b);
            int[] candidates = new int[2 * k];
            System.arraycopy(order, 0, candidates, 0, k);
            System.arraycopy(order, b, candidates, k, k);
            int[] known = Arrays.copyOfRange(order, b + k, options.rowsPerTrial());
            Update sent = defense.forClient(t)
                    .apply(update(model, global, dtype, samples, labels, batch, trial.split()), trial.split());
            double[] s = attack.scores(
                    sent,
                    MembershipExperiment.rows(samples, candidates),
                    Sgd.pick(labels, candidates),
                    MembershipExperiment.rows(samples, known),
                    Sgd.pick(labels, known));
            for (int i = 0; i < s.length; i++) {
                scores.add(s[i]);
                member.add(i < k);
            }
        }
        double[] sc = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] m = new boolean[member.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = member.get(i);
        }
        return MembershipResult.of(UpdateMembershipAttack.NAME, sc, m);
    }

    /** The client's undefended update of {@code batch}. */
    private Update update(
            Model model,
            List<Tensor> global,
            DType dtype,
            float[][] samples,
            int[] labels,
            int[] batch,
            SplittableRandom rng) {
        Backend be = global.get(0).backend();
        if (options.kind() == Update.Kind.GRADIENT) {
            Tensor x = Sgd.batch(be, dtype, samples, batch, model.spec().inputShape());
            return Update.fromTensors(
                    Gradients.of(model, global, x, Sgd.pick(labels, batch)).gradient());
        }
        List<Tensor> local = Sgd.train(
                model,
                be,
                dtype,
                global,
                samples,
                labels,
                batch,
                options.localSteps(),
                batch.length,
                options.lr(),
                rng);
        List<Tensor> diff = new ArrayList<>(global.size());
        for (int i = 0; i < global.size(); i++) {
            double[] g = global.get(i).toDoubleArray();
            double[] l = local.get(i).toDoubleArray();
            for (int j = 0; j < g.length; j++) {
                g[j] -= l[j];
            }
            diff.add(be.fromArray(g, dtype, global.get(i).shape()));
        }
        return Update.fromTensors(diff, Update.Kind.WEIGHT_DIFFERENCE, options.localSteps(), options.lr());
    }

    /** Moves a uniformly random choice of {@code k} rows to the front of {@code order}. */
    private static void partialShuffle(int[] order, int k, SplittableRandom rng) {
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
