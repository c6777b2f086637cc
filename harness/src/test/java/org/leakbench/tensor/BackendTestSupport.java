package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.BeforeEach;

/** What the backend contract tests share: the backend under test, seeded samples and tolerant asserts. */
abstract class BackendTestSupport {
    protected abstract Backend backend();

    private final SplittableRandom rng = new SplittableRandom(20240611L);

    /** Starts the backend before the test body, so that a backend that may be skipped is skipped here. */
    @BeforeEach
    void backendStarts() {
        assertNotNull(backend());
    }

    static double tol(DType dtype) {
        return dtype == DType.F32 ? 2e-5 : 1e-12;
    }

    static void assertValues(double[] expected, Tensor actual, double tol) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, "number of elements");
        for (int i = 0; i < a.length; i++) {
            double bound = tol * (1 + Math.abs(expected[i]));
            boolean same = expected[i] == a[i] || (Double.isNaN(expected[i]) && Double.isNaN(a[i]));
            if (!same && !(Math.abs(expected[i] - a[i]) <= bound)) {
                throw new AssertionError("element " + i + ": expected " + expected[i] + " but was " + a[i]
                        + " (tolerance " + bound + ")");
            }
        }
    }

    static void assertMessageNames(IllegalArgumentException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' should name " + p);
        }
    }

    /** A tensor of random values in [lo, hi) and its values as held (rounded for F32). */
    record Sample(Tensor tensor, double[] values) {}

    Sample sample(DType dtype, double lo, double hi, int... shape) {
        double[] raw = ReferenceOps.random(rng, ReferenceOps.size(shape), lo, hi);
        Tensor t = backend().fromArray(raw, dtype, shape);
        return new Sample(t, ReferenceOps.rounded(raw, dtype));
    }

    static double[] map(double[] x, DoubleUnaryOperator f) {
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = f.applyAsDouble(x[i]);
        }
        return r;
    }
}
