package org.leakbench.model.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leakbench.attack.inversion.GradientMatching;
import org.leakbench.attack.inversion.GradientMatching.Distance;
import org.leakbench.model.Activation;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;
import org.opentest4j.AssertionFailedError;

/**
 * The Java models against PyTorch, on every fixture of {@code harness/scripts/torch_parity.py} and on both
 * backends: the loss, every parameter gradient, and the input gradients of DLG's squared distance and of
 * Inverting Gradients' cosine distance as the gradient-matching attack computes them (second order).
 *
 * <p>Errors are relative, ‖java − torch‖₂ / ‖torch‖₂ over a whole tensor (over the whole gradient's norm for a
 * parameter gradient that is zero up to rounding, like a convolution bias followed by BatchNorm). Float64 must agree to 1e-10 and
 * float32 to 1e-4, first and second order alike. Observed on the committed fixtures, both backends: float64
 * ≤ 1.1e-15 and float32 ≤ 4.2e-7 (summation order is all that differs); the margins leave room for deeper
 * models. Set the environment variable {@code LEAKBENCH_PARITY_PRINT} to print every error.
 */
class ModelParityTest {
    static final double F64_TOLERANCE = 1e-10;
    static final double F32_TOLERANCE = 1e-4;

    static Stream<Arguments> fixturesAndBackends() {
        List<Arguments> out = new ArrayList<>();
        for (ParityFixture f : ParityFixture.all()) {
            for (String backend : List.of("java", "nd4j")) {
                out.add(Arguments.of(f, backend));
            }
        }
        return out.stream();
    }

    @Test
    void everyJavaFamilyHasFixturesInBothDtypes() {
        Set<String> seen = new TreeSet<>();
        for (ParityFixture f : ParityFixture.all()) {
            seen.add(f.file().meta("family") + "/" + f.file().meta("dtype"));
        }
        for (String family : List.of(
                ModelSpec.LENET,
                ModelSpec.MLP,
                ModelSpec.LINEAR,
                ModelSpec.RESNET,
                ModelSpec.RESNET18,
                ModelSpec.CONVNET,
                ModelSpec.TRANSFORMER)) {
            for (String dtype : List.of("float32", "float64")) {
                assertTrue(seen.contains(family + "/" + dtype), "no parity fixture for " + family + " in " + dtype);
            }
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("fixturesAndBackends")
    void matchesPyTorch(ParityFixture f, String backendName) {
        Backend be = Backends.get(backendName);
        DType dtype = f.dtype();
        Model model = f.model();
        String where = f.name() + " (" + model.spec().label() + ") on " + backendName + " in " + dtype;
        List<Tensor> params = TorchWeights.parameters(model, f.file().source(), f.weights(), be, dtype);
        Tensor x = f.get("x").toTensor(be, dtype);
        int[] labels = f.labels("labels");
        double tol = dtype == DType.F64 ? F64_TOLERANCE : F32_TOLERANCE;

        Gradients.LossAndGradient lg = Gradients.of(model, params, x, labels);
        check(where, "parity.loss", new double[] {lg.loss()}, f.get("loss"), tol);
        List<StoredTensor> grads = TorchWeights.stateDict(model, lg.gradient());
        double whole = 0;
        for (StoredTensor g : grads) {
            for (double v : f.get("grad." + g.name()).values()) {
                whole += v * v;
            }
        }
        // A gradient that is zero in exact arithmetic (a convolution's bias before BatchNorm) is rounding noise on
        // both sides: such a tensor, below sqrt(machine epsilon) of the whole gradient, is compared to the whole.
        double zero = Math.sqrt(whole) * Math.sqrt(dtype == DType.F64 ? 0x1p-52 : 0x1p-23);
        for (StoredTensor g : grads) {
            StoredTensor torch = f.get("grad." + g.name());
            double floor = norm(torch.values()) <= zero ? Math.sqrt(whole) : 0;
            check(where, "parity.grad." + g.name(), g.values(), torch, tol, floor);
        }

        List<Tensor> observed =
                Gradients.of(model, params, x, f.labels("labels_obs")).gradient();
        Observation obs = Observation.gradient(model, params, observed, labels.length);
        for (Distance d : Distance.values()) {
            String key = d == Distance.SQUARED_L2 ? "dlg" : "cos";
            GradientMatching objective = new GradientMatching(obs, dtype, labels, d, 0.0);
            double[] dx = new double[objective.dimension()];
            double value = objective.evaluate(x.toDoubleArray(), dx);
            check(where, "parity." + key + ".objective", new double[] {value}, f.get(key + ".objective"), tol);
            check(where, "parity." + key + ".input_grad", dx, f.get(key + ".input_grad"), tol);
        }
    }

    @Test
    void aDifferentActivationIsCaught() {
        ParityFixture relu = ParityFixture.all().stream()
                .filter(f -> f.name().equals("mlp-relu-float64"))
                .findFirst()
                .orElseThrow();
        ModelSpec s = relu.model().spec();
        Model sigmoid = Models.build(
                new ModelSpec(s.family(), s.inputShape(), s.numClasses(), s.width(), s.depth(), Activation.SIGMOID));
        Backend be = Backends.get("java");
        List<Tensor> params = TorchWeights.parameters(sigmoid, relu.file().source(), relu.weights(), be, DType.F64);
        double loss = Gradients.of(sigmoid, params, relu.get("x").toTensor(be, DType.F64), relu.labels("labels"))
                .loss();
        AssertionFailedError e = assertThrows(
                AssertionFailedError.class,
                () -> check(
                        "mlp-relu-float64 on java in F64",
                        "parity.loss",
                        new double[] {loss},
                        relu.get("loss"),
                        F64_TOLERANCE));
        assertTrue(
                e.getMessage().startsWith("mlp-relu-float64 on java in F64: tensor 'parity.loss' differs"),
                e.getMessage());
    }

    /** Fails naming the fixture, model, backend, dtype and tensor when java and torch differ by more than tol. */
    static void check(String where, String tensor, double[] java, StoredTensor torch, double tol) {
        check(where, tensor, java, torch, tol, 0);
    }

    /** As {@link #check(String, String, double[], StoredTensor, double)}, relative to at least {@code floor}. */
    static void check(String where, String tensor, double[] java, StoredTensor torch, double tol, double floor) {
        double err = relativeError(java, torch.values(), floor);
        if (System.getenv("LEAKBENCH_PARITY_PRINT") != null) {
            System.out.printf("parity %s %s %.3e%n", where, tensor, err);
        }
        assertTrue(
                err <= tol,
                () -> where + ": tensor '" + tensor + "' differs from PyTorch: relative error " + err + " > " + tol
                        + " (java " + head(java) + ", torch " + head(torch.values()) + ")");
    }

    /** ‖a − b‖₂ / ‖b‖₂, or the absolute error when b is zero; infinite when the lengths differ or a is not finite. */
    /** ‖a − b‖₂ / max(‖b‖₂, floor), or the absolute error when both are zero. */
    static double relativeError(double[] a, double[] b, double floor) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        double scale = Math.max(Math.sqrt(norm), floor);
        double err = scale > 0 ? Math.sqrt(diff) / scale : Math.sqrt(diff);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static String head(double[] v) {
        return Arrays.toString(Arrays.copyOf(v, Math.min(4, v.length))) + (v.length > 4 ? "..." : "");
    }
}
