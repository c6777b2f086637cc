package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * What every {@link MembershipAttack} must do, run once per implementation: one finite score per candidate,
 * the same scores for the same seed (and other scores for another seed exactly when it is randomised), a
 * refusal of a diverged target instead of tied scores that read as "no leakage", a target that holds no
 * training rows, and a clear error for malformed candidates. The fixture is a logistic
 * model on three synthetic Gaussian blobs in 4 dimensions, with an attacker population disjoint from the
 * candidates.
 */
abstract class MembershipAttackContractTest {
    static final int DIM = 4;
    static final int CLASSES = 3;

    static MembershipTarget target;
    static float[][] candidates;
    static int[] candidateLabels;
    /** The first half of the candidates are the target's training rows. */
    static boolean[] member;

    abstract MembershipAttack attack();

    /** Whether the scores depend on the rng (shadow training, guessing). */
    boolean randomised() {
        return false;
    }

    /** Whether the attack reads the target model (the reference scorers do not). */
    boolean readsTarget() {
        return true;
    }

    @BeforeAll
    static void fixture() {
        SplittableRandom rng = new SplittableRandom(42);
        int n = 120;
        float[][] x = new float[n][DIM];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES;
            for (int j = 0; j < DIM; j++) {
                x[i][j] = (float) ((j == y[i] ? 1.5 : 0.0) + rng.nextGaussian());
            }
        }
        int[] trainRows = range(0, 30);
        TrainingRecipe recipe = TrainingRecipe.sgd(30, 5, 0.2);
        Model model = Models.build(ModelSpec.linear(new int[] {DIM}, CLASSES));
        List<Tensor> params = recipe.train(model, Backends.get("ejml"), DType.F64, x, y, trainRows, rng.split());
        candidates = MembershipExperiment.rows(x, range(0, 60));
        candidateLabels = java.util.Arrays.copyOf(y, 60);
        member = new boolean[60];
        java.util.Arrays.fill(member, 0, 30, true);
        int[] pop = range(60, n);
        target = MembershipTarget.of(model, params, DType.F64)
                .withKnowledge(new MembershipTarget.AttackerKnowledge(
                        MembershipExperiment.rows(x, pop), java.util.Arrays.copyOfRange(y, 60, n), recipe));
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        java.util.Arrays.setAll(r, i -> from + i);
        return r;
    }

    @Test
    void givesOneFiniteScorePerCandidate() {
        double[] s = attack().scores(target, candidates, candidateLabels, new SplittableRandom(7));
        assertEquals(candidates.length, s.length);
        for (int i = 0; i < s.length; i++) {
            assertTrue(Double.isFinite(s[i]), attack().name() + ": score " + i + " is " + s[i]);
        }
    }

    @Test
    void isDeterministicForASeed() {
        double[] a = attack().scores(target, candidates, candidateLabels, new SplittableRandom(7));
        double[] b = attack().scores(target, candidates, candidateLabels, new SplittableRandom(7));
        assertArrayEquals(a, b);
    }

    @Test
    void anotherSeedChangesTheScoresExactlyWhenTheAttackIsRandomised() {
        double[] a = attack().scores(target, candidates, candidateLabels, new SplittableRandom(7));
        double[] b = attack().scores(target, candidates, candidateLabels, new SplittableRandom(8));
        assertEquals(randomised(), !java.util.Arrays.equals(a, b), attack().name());
    }

    @Test
    void theTargetCarriesNoTrainingRows() {
        // The model, its parameters, a precision and the optional knowledge (a population disjoint from the
        // candidates, a recipe): no component could hold the training set or which candidates are in it.
        assertEquals(
                List.of(Model.class, List.class, DType.class, java.util.Optional.class),
                java.util.Arrays.stream(MembershipTarget.class.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getType)
                        .toList());
    }

    @Test
    void aTargetWithANonFiniteParameterIsRefusedNotScored() {
        Assumptions.assumeTrue(readsTarget(), "this scorer never looks at the target");
        List<Tensor> poisoned = new java.util.ArrayList<>(target.parameters());
        Tensor w = poisoned.get(0);
        double[] v = w.toDoubleArray();
        v[v.length - 1] = Double.NaN;
        poisoned.set(0, w.backend().fromArray(v, w.dtype(), w.shape()));
        MembershipTarget diverged = new MembershipTarget(target.model(), poisoned, target.dtype(), target.knowledge());
        String refusal = refusal(diverged, candidateLabels);
        assertTrue(refusal.contains(attack().name()) && refusal.contains("not finite"), refusal);
    }

    @Test
    void rejectsMismatchedOrOutOfRangeLabels() {
        refusal(target, new int[3]);
        int[] bad = candidateLabels.clone();
        bad[5] = CLASSES;
        String refusal = refusal(target, bad);
        assertTrue(refusal.contains("label 5"), refusal);
    }

    /** The message with which the attack refuses to score the candidates, labelled {@code labels}, of {@code t}. */
    String refusal(MembershipTarget t, int[] labels) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> attack().scores(t, candidates, labels, new SplittableRandom(7)))
                .getMessage();
    }

    @Test
    void producesAValidResult() {
        double[] s = attack().scores(target, candidates, candidateLabels, new SplittableRandom(7));
        MembershipResult r = MembershipResult.of(attack().name(), s, member);
        assertTrue(r.auc() >= 0 && r.auc() <= 1);
        assertEquals(attack().name(), r.attack());
        assertTrue(r.roc().size() >= 2);
    }
}
