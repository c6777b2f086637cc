package org.leakbench.attack.property;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The attack contract where it applies to property inference, whose input is an update rather than an
 * observation: determinism per seed (training batches are drawn at random, so another seed changes the
 * classifier), a classifier that sees nothing but the observed update, and a NaN or infinite update refused
 * rather than scored (a NaN log-odds would otherwise poison the classifier or the ROC). It has no cancellation
 * or time budget to honour: its work is bounded by its options. The fixture is a logistic model on four
 * Gaussian features, two classes; the property is a sample shifted far out on feature 0.
 */
class PropertyInferenceContractTest {
    static float[][] x;
    static int[] y;
    static boolean[] property;
    static PropertyInferenceAttack.SharedModel shared;
    static final PropertyInferenceOptions OPTIONS = new PropertyInferenceOptions(4, 1, 20, 50, 0.5, 1e-3);

    @BeforeAll
    static void fixture() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 80;
        x = new float[n][4];
        y = new int[n];
        property = new boolean[n];
        for (int i = 0; i < n; i++) {
            property[i] = i % 4 == 0;
            y[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) (rng.nextGaussian() + (j == 0 && property[i] ? 4 : 0));
            }
        }
        Model model = Models.build(ModelSpec.linear(new int[] {4}, 2));
        List<Tensor> params = model.initialParameters(Backends.get("ejml"), DType.F32, rng.split());
        shared = new PropertyInferenceAttack.SharedModel(model, params, DType.F32);
    }

    static PropertyInferenceResult run(long seed) {
        PropertyInferenceAttack a = new PropertyInferenceAttack(OPTIONS, UnaryOperator.identity());
        int[] half = java.util.stream.IntStream.range(0, 40).toArray();
        int[] rest = java.util.stream.IntStream.range(40, 80).toArray();
        return PropertyInferenceExperiment.run(
                a,
                shared,
                pick(half),
                pickY(half),
                pickP(half),
                pick(rest),
                pickY(rest),
                pickP(rest),
                10,
                new SplittableRandom(seed));
    }

    @Test
    void theSameSeedGivesTheSameResultAndAnotherSeedAnotherOne() {
        PropertyInferenceResult a = run(3);
        PropertyInferenceResult b = run(3);
        assertEquals(Double.doubleToLongBits(a.auc()), Double.doubleToLongBits(b.auc()));
        assertArrayEquals(a.roc().fpr(), b.roc().fpr());
        assertArrayEquals(a.roc().tpr(), b.roc().tpr());
        float[] update = observedUpdate();
        assertNotEquals(classifier(3).score(update), classifier(4).score(update), "the seed was ignored");
        assertEquals(classifier(3).score(update), classifier(3).score(update));
    }

    @Test
    void theClassifierSeesNothingButTheObservedUpdate() {
        List<String> publicMethods = Arrays.stream(PropertyInferenceAttack.Classifier.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(m -> m.getName() + Arrays.toString(m.getParameterTypes()))
                .toList();
        assertEquals(List.of("score[class [F]"), publicMethods);
        for (Method m : PropertyInferenceAttack.Classifier.class.getDeclaredMethods()) {
            assertTrue(m.getParameterCount() <= 1, m.toString());
        }
    }

    @Test
    void aNonFiniteUpdateIsRefusedNotScored() {
        PropertyInferenceAttack.Classifier c = classifier(3);
        for (float poison : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            float[] u = observedUpdate();
            u[u.length - 1] = poison;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.score(u));
            assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        }
    }

    @Test
    void aDefenseThatTurnsUpdatesToNanFailsTrainingLoudly() {
        PropertyInferenceAttack broken = new PropertyInferenceAttack(OPTIONS, u -> {
            float[] out = u.clone();
            Arrays.fill(out, Float.NaN);
            return out;
        });
        int[] half = java.util.stream.IntStream.range(0, 40).toArray();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> broken.train(shared, pick(half), pickY(half), pickP(half), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    static PropertyInferenceAttack.Classifier classifier(long seed) {
        int[] half = java.util.stream.IntStream.range(0, 40).toArray();
        return new PropertyInferenceAttack(OPTIONS, UnaryOperator.identity())
                .train(shared, pick(half), pickY(half), pickP(half), new SplittableRandom(seed));
    }

    static float[] observedUpdate() {
        return new PropertyInferenceAttack(OPTIONS, UnaryOperator.identity())
                .observe(shared, x, y, new int[] {40, 41, 42, 43});
    }

    static float[][] pick(int[] rows) {
        return Arrays.stream(rows).mapToObj(i -> x[i]).toArray(float[][]::new);
    }

    static int[] pickY(int[] rows) {
        return Arrays.stream(rows).map(i -> y[i]).toArray();
    }

    static boolean[] pickP(int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = property[rows[i]];
        }
        return out;
    }
}
