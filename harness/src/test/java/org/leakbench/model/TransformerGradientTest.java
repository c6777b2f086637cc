package org.leakbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Gradients of the transformer in its relaxed one-hot input against central finite differences in float64: the
 * loss's input gradient (first order), and the input gradient of a gradient-matching objective as TAG and LAMP
 * minimise it (second order, through the parameter gradient), on both backends.
 */
class TransformerGradientTest {
    private static final int N = 2;
    private static final int[] LABELS = {3, 5};

    /** A soft input near the one-hot of some tokens: rows of positive weights that are not normalised. */
    private static double[] softInput(long seed) {
        double[] ids = TransformerTest.tokens(N, TransformerTest.T, TransformerTest.V, seed);
        double[] x = TransformerTest.oneHot(ids, TransformerTest.V);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.7 * x[i] + 0.3 * r.nextDouble();
        }
        return x;
    }

    private static Var input(Backend be, double[] x, boolean leaf) {
        Tensor t = be.fromArray(x, DType.F64, N, TransformerTest.T, TransformerTest.V);
        return leaf ? Var.leaf(t, "x") : Var.constant(t);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "nd4j"})
    void theLossesInputGradientMatchesFiniteDifferences(String backend) {
        Backend be = TransformerTest.backend(backend);
        Transformer m = TransformerTest.tiny();
        List<Var> params = TransformerTest.constants(m.initialParameters(be, DType.F64, new SplittableRandom(11)));
        Function<Var, Var> loss = x -> Losses.crossEntropy(m.logits(x, params), LABELS);
        checkInputGradient(be, loss, softInput(12), 1e-6, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "nd4j"})
    void theGradientMatchingObjectivesInputGradientMatchesFiniteDifferences(String backend) {
        Backend be = TransformerTest.backend(backend);
        Transformer m = TransformerTest.tiny();
        // Larger weights than the initialisation's, so that the objective's curvature is not negligible.
        List<Tensor> init = m.initialParameters(be, DType.F64, new SplittableRandom(21));
        List<Tensor> scaled = new ArrayList<>();
        init.forEach(t -> scaled.add(be.scale(t, 5)));
        double[] secret = TransformerTest.oneHot(
                TransformerTest.tokens(N, TransformerTest.T, TransformerTest.V, 22), TransformerTest.V);
        List<Tensor> observed = new ArrayList<>();
        for (Var g : parameterGradient(m, scaled, input(be, secret, false), false)) {
            observed.add(g.value());
        }
        Function<Var, Var> objective = x -> {
            List<Var> target = new ArrayList<>();
            observed.forEach(t -> target.add(Var.constant(t)));
            return Losses.squaredDistance(parameterGradient(m, scaled, x, true), target);
        };
        checkInputGradient(be, objective, softInput(23), 1e-5, 3); // every third entry: each costs two double passes
    }

    /** The parameter gradient of the mean cross-entropy at x, differentiable again when {@code createGraph}. */
    private static List<Var> parameterGradient(Transformer m, List<Tensor> params, Var x, boolean createGraph) {
        List<Var> leaves = new ArrayList<>();
        for (Tensor t : params) {
            leaves.add(Var.leaf(t, "p"));
        }
        return Autodiff.grad(Losses.crossEntropy(m.logits(x, leaves), LABELS), leaves, createGraph);
    }

    /**
     * Every {@code stride}-th entry of d f / d x against (f(x + h) − f(x − h)) / 2h, within {@code tol} relative to
     * the largest entry.
     */
    private static void checkInputGradient(Backend be, Function<Var, Var> f, double[] x, double tol, int stride) {
        Var leaf = input(be, x, true);
        double[] grad = Autodiff.grad(f.apply(leaf), List.of(leaf), false)
                .get(0)
                .value()
                .toDoubleArray();
        double scale = 0;
        for (double g : grad) {
            scale = Math.max(scale, Math.abs(g));
        }
        double h = 1e-5;
        for (int i = 0; i < x.length; i += stride) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (value(be, f, plus) - value(be, f, minus)) / (2 * h);
            assertEquals(fd, grad[i], tol * Math.max(scale, 1e-3), "entry " + i);
        }
        double norm = 0;
        for (double g : grad) {
            norm += g * g;
        }
        assertTrue(norm > 0, "the input gradient is zero");
    }

    private static double value(Backend be, Function<Var, Var> f, double[] x) {
        return f.apply(input(be, x, true)).value().item();
    }
}
