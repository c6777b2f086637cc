package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.cpu.JavaBackend;
import org.leakbench.tensor.nd4j.Nd4jBackend;

/**
 * The backend contract for ND4J, plus what only it has: its description and agreement with the pure-Java
 * backend on random data ({@code Nd4jRuntimeTest} covers its start-up).
 */
class Nd4jBackendTest extends BackendContractTest {
    @Override
    protected Backend backend() {
        // Only a CUDA build on a machine without a GPU may skip; the CPU build must always start.
        return Nd4jTestBackend.startOrSkipOnCudaWithoutGpu();
    }

    private static boolean isCudaBuild() {
        return Nd4jBackend.cudaBuild();
    }

    @Test
    void describesItselfInOneLine() {
        Nd4jBackend b = (Nd4jBackend) backend();
        assertSame(b, Backends.get("ND4J "), "created once and found case-insensitively");
        assertEquals(isCudaBuild() ? "CUDA" : "CPU", b.deviceKind());
        assertFalse(b.blasVendor().isBlank());
        assertTrue(b.threads() >= 1);
        assertTrue(b.version().startsWith("1.0.0"), b.version());
        String d = b.description();
        assertTrue(d.startsWith("ND4J " + b.version() + (isCudaBuild() ? ", CUDA GPU (" : ", native CPU (")), d);
        assertTrue(d.endsWith(b.threads() + (b.threads() == 1 ? " thread" : " threads")), d);
        assertFalse(d.contains("\n"), d);
    }

    /** nd4j and ejml agree to float32 precision on random float32 data. */
    @Test
    void agreesWithTheJavaBackend() {
        Backend nd = backend();
        Backend ej = Backends.get(JavaBackend.NAME);
        SplittableRandom rng = new SplittableRandom(7);
        Conv2dSpec spec = new Conv2dSpec(2, 2);
        double[] x = ReferenceOps.random(rng, 2 * 3 * 12 * 12, -1, 1);
        double[] w = ReferenceOps.random(rng, 6 * 3 * 5 * 5, -0.5, 0.5);
        double[] g = ReferenceOps.random(rng, 2 * 6 * 6 * 6, -1, 1);
        double[] a = ReferenceOps.random(rng, 16 * 40, -2, 2);
        double[] m = ReferenceOps.random(rng, 40 * 10, -1, 1);
        double[] bias = ReferenceOps.random(rng, 10, -1, 1);
        int[] xs = {2, 3, 12, 12};
        int[] ws = {6, 3, 5, 5};
        int[] gs = {2, 6, 6, 6};

        agree(nd, ej, b -> b.conv2d(b.fromArray(x, DType.F32, xs), b.fromArray(w, DType.F32, ws), spec));
        agree(
                nd,
                ej,
                b -> b.conv2dInputAdjoint(b.fromArray(g, DType.F32, gs), b.fromArray(w, DType.F32, ws), xs, spec));
        agree(
                nd,
                ej,
                b -> b.conv2dFilterAdjoint(b.fromArray(x, DType.F32, xs), b.fromArray(g, DType.F32, gs), ws, spec));
        agree(nd, ej, b -> {
            Tensor logits = b.add(
                    b.matmul(b.fromArray(a, DType.F32, 16, 40), b.fromArray(m, DType.F32, 40, 10)),
                    b.fromArray(bias, DType.F32, 10));
            return b.logSoftmax(b.sigmoid(logits));
        });
        agree(
                nd,
                ej,
                b -> b.sumTo(
                        b.mul(b.tanh(b.fromArray(a, DType.F32, 16, 40)), b.fromArray(a, DType.F32, 16, 40)), 1, 40));
    }

    private static void agree(Backend nd, Backend ej, java.util.function.Function<Backend, Tensor> f) {
        Tensor r = f.apply(nd);
        Tensor e = f.apply(ej);
        assertSame(nd, r.backend());
        assertEquals(java.util.Arrays.toString(e.shape()), java.util.Arrays.toString(r.shape()));
        assertEquals(e.dtype(), r.dtype());
        assertValues(e.toDoubleArray(), r, 1e-4);
    }
}
