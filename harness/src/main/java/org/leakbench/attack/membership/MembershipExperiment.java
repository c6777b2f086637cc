package org.leakbench.attack.membership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.data.Standardizer;
import org.leakbench.model.HeldOutScore;
import org.leakbench.model.Model;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;

/**
 * One membership-inference measurement. The rows are shuffled and split into the target's training set
 * (members), a held-out set (non-members, also the test set for utility) and the attacker's population (all
 * remaining rows, disjoint from both). The target is trained with the options' recipe, then every attack scores
 * a balanced candidate set, min(members, nonMembers) of each kind, and is judged by its ROC curve.
 */
public final class MembershipExperiment {
    private final MembershipExperimentOptions options;
    private final Backend backend;
    private final ShadowPool shadows;

    public MembershipExperiment(MembershipExperimentOptions options, Backend backend) {
        this(options, backend, null);
    }

    private MembershipExperiment(MembershipExperimentOptions options, Backend backend, ShadowPool shadows) {
        if (options == null || backend == null) {
            throw new IllegalArgumentException("membership experiment: options and backend must be given");
        }
        this.options = options;
        this.backend = backend;
        this.shadows = shadows;
    }

    /**
     * The same experiment whose online attacks share the shadow models of {@code pool}: runs with the same
     * options, data and seed split the rows alike, so their attacks may reuse one pool (null: none shared).
     */
    public MembershipExperiment withShadowPool(ShadowPool pool) {
        return new MembershipExperiment(options, backend, pool);
    }

    /**
     * What one run produced.
     *
     * @param results       one per attack, in the order given
     * @param trainAccuracy target accuracy on its members
     * @param testAccuracy  target accuracy on the held-out rows (utility)
     * @param candidates    members and non-members each in the candidate set
     * @param diverged      whether training left a NaN or infinite parameter in the target; then no attack ran
     *                      (results is empty): a broken model scores every candidate alike, and an AUC of 0.5
     *                      would read as a defense that worked
     * @param testLoss      target mean cross-entropy on the held-out rows, in nats, from the same evaluation as
     *                      {@code testAccuracy}
     */
    public record Outcome(
            List<MembershipResult> results,
            double trainAccuracy,
            double testAccuracy,
            int candidates,
            boolean diverged,
            double testLoss) {
        public Outcome {
            results = List.copyOf(results);
        }
    }

    public Outcome run(float[][] samples, int[] labels, List<MembershipAttack> attacks, SplittableRandom rng) {
        if (samples == null || labels == null || samples.length != labels.length) {
            throw new IllegalArgumentException("membership experiment: need as many labels as samples, got "
                    + (samples == null ? "null" : samples.length) + " samples and "
                    + (labels == null ? "null" : labels.length) + " labels");
        }
        int m = options.members();
        int h = options.nonMembers();
        if (m + h > samples.length) {
            throw new IllegalArgumentException("membership experiment: " + m + " members + " + h
                    + " non-members exceed the " + samples.length + " rows available");
        }
        int[] order = new int[samples.length];
        Arrays.setAll(order, i -> i);
        shuffle(order, rng.split());
        int[] memberRows = Arrays.copyOfRange(order, 0, m);
        int[] heldOutRows = Arrays.copyOfRange(order, m, m + h);
        int[] populationRows = Arrays.copyOfRange(order, m + h, order.length);
        float[][] x =
                options.standardize() ? Standardizer.fit(samples, memberRows).transform(samples) : samples;

        Model model = Models.build(options.model());
        int[] trainIdx = new int[m];
        Arrays.setAll(trainIdx, i -> i);
        float[][] trainX = rows(x, memberRows);
        int[] trainY = Sgd.pick(labels, memberRows);
        List<Tensor> params =
                options.recipe().train(model, backend, options.dtype(), trainX, trainY, trainIdx, rng.split());
        float[][] testX = rows(x, heldOutRows);
        int[] testY = Sgd.pick(labels, heldOutRows);
        double trainAcc = Sgd.accuracy(model, backend, options.dtype(), params, trainX, trainY, 256);
        HeldOutScore test = HeldOutScore.of(model, backend, options.dtype(), params, testX, testY, 256);

        if (!finite(params)) {
            return new Outcome(List.of(), trainAcc, test.accuracy(), 0, true, test.meanLoss());
        }
        MembershipTarget target = MembershipTarget.of(model, params, options.dtype());
        if (populationRows.length >= 2) {
            target = target.withKnowledge(new MembershipTarget.AttackerKnowledge(
                    rows(x, populationRows),
                    Sgd.pick(labels, populationRows),
                    options.recipe(),
                    Math.min(m, populationRows.length),
                    shadows));
        }
        int c = Math.min(m, h);
        int[] candidateRows = new int[2 * c];
        boolean[] member = new boolean[2 * c];
        for (int i = 0; i < c; i++) {
            candidateRows[i] = memberRows[i];
            member[i] = true;
            candidateRows[c + i] = heldOutRows[i];
        }
        float[][] candX = rows(x, candidateRows);
        int[] candY = Sgd.pick(labels, candidateRows);
        List<MembershipResult> results = new ArrayList<>();
        for (MembershipAttack a : attacks) {
            double[] s = a.scores(target, candX, candY, rng.split());
            results.add(MembershipResult.of(a.name(), s, member));
        }
        return new Outcome(results, trainAcc, test.accuracy(), c, false, test.meanLoss());
    }

    private static boolean finite(List<Tensor> params) {
        for (Tensor t : params) {
            for (double v : t.toDoubleArray()) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    static float[][] rows(float[][] x, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
