package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leakbench.tensor.cpu.JavaBackend;

/**
 * The contract every {@link Backend} must meet, written once and run per backend by a subclass. Each
 * result is compared with {@link ReferenceOps}, plain loops in double precision over the inputs as the
 * tensor holds them; float32 is allowed float32 rounding, float64 only summation-order differences.
 */
abstract class BackendContractTest extends BackendTestSupport {
    // ---- creation and transfer ----

    @ParameterizedTest
    @EnumSource(DType.class)
    void fromArrayKeepsShapeTypeAndValues(DType dtype) {
        Tensor t = backend().fromArray(new double[] {0.1, -2.5, 3, 4, 5, 6}, dtype, 2, 3);
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(dtype, t.dtype());
        assertSame(backend(), t.backend());
        assertArrayEquals(new double[] {dtype.round(0.1), -2.5, 3, 4, 5, 6}, t.toDoubleArray());
        assertArrayEquals(new float[] {0.1f, -2.5f, 3, 4, 5, 6}, t.toFloatArray());
    }

    @Test
    void fromFloatsIsFloat32() {
        Tensor t = backend().fromFloats(new float[] {1.5f, 0.1f}, 2);
        assertEquals(DType.F32, t.dtype());
        assertArrayEquals(new double[] {1.5, 0.1f}, t.toDoubleArray());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void fullZerosAndScalar(DType dtype) {
        double v = dtype.round(0.3);
        Tensor full = backend().full(dtype, 0.3, 2, 2);
        assertEquals(dtype, full.dtype());
        assertArrayEquals(new double[] {v, v, v, v}, full.toDoubleArray());
        assertArrayEquals(new double[6], backend().zeros(dtype, 3, 2).toDoubleArray());
        Tensor s = backend().scalar(dtype, 2.5);
        assertEquals(0, s.rank());
        assertEquals(2.5, s.item());
    }

    @Test
    void fromArrayRejectsWrongLength() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> backend().fromArray(new double[5], DType.F64, 2, 3));
        assertMessageNames(e, "[2, 3]", "5");
    }

    @Test
    void castRoundsToFloatAndWidensExactly() {
        Tensor d = backend().fromArray(new double[] {0.1, 1e-3}, DType.F64, 2);
        Tensor f = backend().cast(d, DType.F32);
        assertEquals(DType.F32, f.dtype());
        assertArrayEquals(new double[] {0.1f, 1e-3f}, f.toDoubleArray());
        Tensor back = backend().cast(f, DType.F64);
        assertEquals(DType.F64, back.dtype());
        assertArrayEquals(new double[] {0.1f, 1e-3f}, back.toDoubleArray());
    }

    @Test
    void fromCopiesTensorsOfAnotherBackend() {
        Backend other = backend() instanceof JavaBackend ? new JavaBackend() : Backends.get("ejml");
        Tensor foreign = other.fromArray(new double[] {1, 2, 3}, DType.F64, 3, 1);
        Tensor mine = backend().from(foreign);
        assertSame(backend(), mine.backend());
        assertArrayEquals(new int[] {3, 1}, mine.shape());
        assertArrayEquals(new double[] {1, 2, 3}, mine.toDoubleArray());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void editedCopyEditsFloatsOfACopyIntoTheGivenShape(DType dtype) {
        Tensor t = backend().fromArray(new double[] {0.1, -2, 3, 4.5, 5, 6}, dtype, 2, 3);
        float[][] seen = new float[1][];
        Tensor r = backend().editedCopy(t, new int[] {3, 2}, v -> {
            seen[0] = v.clone();
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] * 2 + i;
            }
        });
        assertArrayEquals(new float[] {0.1f, -2, 3, 4.5f, 5, 6}, seen[0], "the edit sees t's values as floats");
        assertSame(backend(), r.backend());
        assertEquals(dtype, r.dtype());
        assertArrayEquals(new int[] {3, 2}, r.shape());
        assertArrayEquals(new double[] {0.2f, -3, 8, 12, 14, 17}, r.toDoubleArray());
        assertArrayEquals(new double[] {dtype.round(0.1), -2, 3, 4.5, 5, 6}, t.toDoubleArray(), "t is unchanged");
        assertArrayEquals(new int[] {2, 3}, t.shape());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void editedInPlaceGivesWhatEditedCopyGives(DType dtype) {
        double[] values = {0.1, -2, 3, 4.5, 5, 6};
        java.util.function.Consumer<float[]> edit = v -> {
            for (int i = 0; i < v.length; i++) {
                v[i] = v[i] * 2 + i;
            }
        };
        Tensor copy = backend().editedCopy(backend().fromArray(values, dtype, 2, 3), new int[] {3, 2}, edit);
        Tensor r = backend().editedInPlace(backend().fromArray(values, dtype, 2, 3), new int[] {3, 2}, edit);
        assertSame(backend(), r.backend());
        assertEquals(dtype, r.dtype());
        assertArrayEquals(new int[] {3, 2}, r.shape());
        assertArrayEquals(copy.toDoubleArray(), r.toDoubleArray());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> backend().editedInPlace(backend().fromArray(values, dtype, 2, 3), new int[] {2, 2}, v -> {}));
        assertMessageNames(e, "[2, 2]");
    }

    @Test
    void editedCopyTakesForeignTensorsAndRejectsAShapeOfAnotherSize() {
        Backend other = backend() instanceof JavaBackend ? new JavaBackend() : Backends.get("ejml");
        Tensor foreign = other.fromFloats(new float[] {1, 2, 3}, 3);
        Tensor r = backend().editedCopy(foreign, new int[] {1, 3}, v -> v[1] = -v[1]);
        assertSame(backend(), r.backend());
        assertArrayEquals(new double[] {1, -2, 3}, r.toDoubleArray());
        assertArrayEquals(new float[] {1, 2, 3}, foreign.toFloatArray());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> backend().editedCopy(foreign, new int[] {2, 2}, v -> {}));
        assertMessageNames(e, "[2, 2]");
    }

    // ---- element-wise binary with broadcasting ----

    private static final DoubleBinaryOperator[] REF = {Double::sum, (x, y) -> x - y, (x, y) -> x * y, (x, y) -> x / y};

    private Tensor apply(int op, Tensor a, Tensor b) {
        return switch (op) {
            case 0 -> backend().add(a, b);
            case 1 -> backend().sub(a, b);
            case 2 -> backend().mul(a, b);
            default -> backend().div(a, b);
        };
    }

    private void checkBinary(DType dtype, int[] as, int[] bs, int[] out) {
        for (int op = 0; op < 4; op++) {
            Sample a = sample(dtype, -2, 2, as);
            Sample b = sample(dtype, 0.5, 2, bs); // away from zero so that division is tame
            Tensor r = apply(op, a.tensor(), b.tensor());
            assertArrayEquals(out, r.shape(), "result shape");
            assertEquals(dtype, r.dtype());
            assertValues(ReferenceOps.binary(a.values(), as, b.values(), bs, out, REF[op]), r, tol(dtype));
            // and the other way round
            Tensor s = apply(op, b.tensor(), a.tensor());
            assertValues(ReferenceOps.binary(b.values(), bs, a.values(), as, out, REF[op]), s, tol(dtype) * 10);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void binarySameShape(DType dtype) {
        checkBinary(dtype, new int[] {3, 4}, new int[] {3, 4}, new int[] {3, 4});
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryRowVectorBroadcast(DType dtype) {
        checkBinary(dtype, new int[] {5, 3}, new int[] {3}, new int[] {5, 3});
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryChannelBroadcast(DType dtype) {
        checkBinary(dtype, new int[] {2, 3, 4, 5}, new int[] {1, 3, 1, 1}, new int[] {2, 3, 4, 5});
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryColumnBroadcast(DType dtype) {
        checkBinary(dtype, new int[] {4, 6}, new int[] {4, 1}, new int[] {4, 6});
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void binaryScalarAndTwoWayBroadcast(DType dtype) {
        checkBinary(dtype, new int[] {3, 2}, new int[] {}, new int[] {3, 2});
        checkBinary(dtype, new int[] {3, 1}, new int[] {1, 4}, new int[] {3, 4});
        checkBinary(dtype, new int[] {2, 1, 3}, new int[] {4, 1}, new int[] {2, 4, 3});
    }

    @Test
    void mixedTypesGiveFloat64() {
        Tensor f = backend().fromArray(new double[] {0.1, 0.2}, DType.F32, 2);
        Tensor d = backend().fromArray(new double[] {1e-9, 1e-9}, DType.F64, 2);
        Tensor r = backend().add(f, d);
        assertEquals(DType.F64, r.dtype());
        assertValues(new double[] {0.1f + 1e-9, 0.2f + 1e-9}, r, 1e-15);
        assertEquals(
                DType.F64,
                backend()
                        .matmul(backend().reshape(f, 1, 2), backend().reshape(d, 2, 1))
                        .dtype());
    }

    @Test
    void incompatibleShapesAreNamed() {
        Tensor a = backend().zeros(DType.F32, 2, 3);
        Tensor b = backend().zeros(DType.F32, 4);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> backend().add(a, b));
        assertMessageNames(e, "[2, 3]", "[4]");
        assertThrows(IllegalArgumentException.class, () -> backend().mul(b, a));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void scaleAndAddScalar(DType dtype) {
        Sample a = sample(dtype, -3, 3, 2, 5);
        assertValues(map(a.values(), v -> v * 1.5), backend().scale(a.tensor(), 1.5), tol(dtype));
        assertValues(map(a.values(), v -> v - 0.25), backend().addScalar(a.tensor(), -0.25), tol(dtype));
        assertEquals(dtype, backend().scale(a.tensor(), 2).dtype());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void fusedDistanceAndItsGradientMatchTheComposedOps(DType dtype) {
        Sample a = sample(dtype, -3, 3, 7, 37); // long enough for vector loops and their tails
        Sample b = sample(dtype, -3, 3, 7, 37);
        double want = 0;
        double[] diff = new double[a.values().length];
        for (int i = 0; i < diff.length; i++) {
            double d = dtype.round(a.values()[i] - b.values()[i]);
            diff[i] = d;
            want += d * d;
        }
        double inner = 0;
        for (int i = 0; i < diff.length; i++) {
            inner += a.values()[i] * b.values()[i];
        }
        Tensor dot = backend().dot(a.tensor(), b.tensor());
        assertEquals(0, dot.rank());
        assertEquals(dtype, dot.dtype());
        assertEquals(inner, dot.item(), Math.abs(inner) * tol(dtype) + 1e-12 * diff.length);
        Tensor d = backend().sumOfSquaredDifferences(a.tensor(), b.tensor());
        assertEquals(0, d.rank());
        assertEquals(dtype, d.dtype());
        assertEquals(want, d.item(), want * tol(dtype));
        Tensor s = backend().full(dtype, -0.75, new int[0]);
        assertValues(map(diff, v -> -0.75 * v), backend().scaledDifference(a.tensor(), b.tensor(), s), tol(dtype) * 4);
        Tensor nan = backend().fromArray(new double[] {Double.NaN, 1}, dtype, 2);
        assertTrue(Double.isNaN(backend()
                .sumOfSquaredDifferences(nan, backend().zeros(dtype, 2))
                .item()));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void fusedSigmoidBackwardMatchesTheComposedOps(DType dtype) {
        Sample y = sample(dtype, 0, 1, 5, 19);
        Sample g = sample(dtype, -2, 2, 5, 19);
        double[] want = new double[y.values().length];
        for (int i = 0; i < want.length; i++) {
            want[i] = g.values()[i] * y.values()[i] * (1 - y.values()[i]);
        }
        Tensor r = backend().sigmoidBackward(y.tensor(), g.tensor());
        assertEquals(dtype, r.dtype());
        assertArrayEquals(new int[] {5, 19}, r.shape());
        assertValues(want, r, tol(dtype) * 4);
        Tensor composed = backend()
                .mul(
                        g.tensor(),
                        backend().mul(y.tensor(), backend().addScalar(backend().neg(y.tensor()), 1)));
        assertValues(composed.toDoubleArray(), r, dtype == DType.F32 ? 0 : 1e-15);
    }

    // ---- unary ----

    private void checkUnary(DType dtype, double lo, double hi, UnaryOperator<Tensor> op, DoubleUnaryOperator ref) {
        Sample a = sample(dtype, lo, hi, 3, 7);
        Tensor r = op.apply(a.tensor());
        assertArrayEquals(new int[] {3, 7}, r.shape());
        assertEquals(dtype, r.dtype());
        assertValues(map(a.values(), ref), r, tol(dtype));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void unaryOps(DType dtype) {
        Backend b = backend();
        checkUnary(dtype, -3, 3, b::neg, v -> -v);
        checkUnary(dtype, -3, 3, b::exp, Math::exp);
        checkUnary(dtype, 0.01, 5, b::log, Math::log);
        checkUnary(dtype, 0, 5, b::sqrt, Math::sqrt);
        checkUnary(dtype, -3, 3, b::square, v -> v * v);
        checkUnary(dtype, -30, 30, b::sigmoid, v -> 1 / (1 + Math.exp(-v)));
        checkUnary(dtype, -3, 3, b::tanh, Math::tanh);
        checkUnary(dtype, -3, 3, b::relu, v -> Math.max(v, 0));
        checkUnary(dtype, -3, 3, b::abs, Math::abs);
        checkUnary(dtype, -3, 3, t -> b.clamp(t, -1, 0.5), v -> Math.min(Math.max(v, -1), 0.5));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maskAndSignAtZero(DType dtype) {
        Tensor a = backend().fromArray(new double[] {-2, 0, 3, -0.0, 1e-30}, dtype, 5);
        assertArrayEquals(
                new double[] {0, 0, 1, 0, 1}, backend().positiveMask(a).toDoubleArray());
        assertValues(new double[] {-1, 0, 1, 0, 1}, backend().sign(a), 0);
        assertValues(new double[] {0, 0, 3, 0, dtype.round(1e-30)}, backend().relu(a), 0);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nanPropagatesAndInfinityIsClamped(DType dtype) {
        Backend b = backend();
        Tensor a = b.fromArray(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, dtype, 3);
        double nan = Double.NaN;
        assertValues(new double[] {nan, 1, -1}, b.clamp(a, -1, 1), 0);
        assertValues(new double[] {nan, 1, -1}, b.sign(a), 0);
        assertValues(new double[] {nan, Double.POSITIVE_INFINITY, 0}, b.relu(a), 0);
        assertValues(new double[] {nan, 1, 0}, b.sigmoid(a), 0);
        assertValues(new double[] {nan, 1, -1}, b.tanh(a), 0);
        assertValues(new double[] {nan, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}, b.abs(a), 0);
        assertValues(new double[] {nan, Double.POSITIVE_INFINITY, 0}, b.exp(a), 0);
        assertTrue(Double.isNaN(b.sumAll(a).item()));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void emptyTensorsFlowThrough(DType dtype) {
        Backend b = backend();
        Tensor e = b.zeros(dtype, 0, 3);
        assertArrayEquals(new int[] {0, 3}, b.add(e, b.full(dtype, 1, 3)).shape());
        assertArrayEquals(new int[] {0, 3}, b.mul(b.full(dtype, 1, 1, 3), e).shape());
        assertArrayEquals(new int[] {0, 3}, b.exp(e).shape());
        assertArrayEquals(new int[] {0, 3}, b.scale(e, 2).shape());
        assertArrayEquals(new int[] {0, 3}, b.positiveMask(e).shape());
        assertArrayEquals(
                new int[] {0, 3}, b.broadcastTo(b.full(dtype, 1, 3), 0, 3).shape());
        assertArrayEquals(new double[3], b.sumTo(e, 3).toDoubleArray());
        assertEquals(0.0, b.sumAll(e).item());
        assertArrayEquals(new int[] {3, 0}, b.transpose(e).shape());
        assertArrayEquals(new int[] {0, 2}, b.matmul(e, b.full(dtype, 1, 3, 2)).shape());
        assertArrayEquals(
                new double[4],
                b.matmul(b.zeros(dtype, 2, 0), b.zeros(dtype, 0, 2)).toDoubleArray());
        assertArrayEquals(
                new int[] {0, 2, 3, 3},
                b.conv2d(b.zeros(dtype, 0, 1, 5, 5), b.zeros(dtype, 2, 1, 3, 3), new Conv2dSpec(1, 0))
                        .shape());
        assertEquals(0, b.logSoftmax(e).size());
    }

    // ---- reductions and shapes ----

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumAllIsScalar(DType dtype) {
        Sample a = sample(dtype, -1, 1, 4, 3, 2);
        Tensor s = backend().sumAll(a.tensor());
        assertEquals(0, s.rank());
        assertEquals(dtype, s.dtype());
        assertValues(new double[] {ReferenceOps.dot(a.values(), map(a.values(), v -> 1))}, s, tol(dtype) * 10);
    }

    private void checkSumToAndBroadcast(DType dtype, int[] big, int[] small) {
        Sample a = sample(dtype, -1, 1, big);
        Tensor summed = backend().sumTo(a.tensor(), small);
        assertArrayEquals(small, summed.shape());
        assertValues(ReferenceOps.sumTo(a.values(), big, small), summed, tol(dtype) * 10);

        Sample s = sample(dtype, -1, 1, small);
        Tensor spread = backend().broadcastTo(s.tensor(), big);
        assertArrayEquals(big, spread.shape());
        assertValues(ReferenceOps.broadcast(s.values(), small, big), spread, 0);

        // Round trip: broadcastTo and sumTo are adjoint, <broadcastTo(s), a> = <s, sumTo(a)>.
        double lhs = backend().sumAll(backend().mul(spread, a.tensor())).item();
        double rhs = backend().sumAll(backend().mul(s.tensor(), summed)).item();
        assertEquals(lhs, rhs, tol(dtype) * 100 * (1 + Math.abs(lhs)));
        // and summing a broadcast counts the copies
        Tensor count = backend().sumTo(backend().broadcastTo(backend().full(dtype, 1, small), big), small);
        assertValues(
                map(
                        new double[ReferenceOps.size(small)],
                        v -> ReferenceOps.size(big) / (double) ReferenceOps.size(small)),
                count,
                0);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sumToAndBroadcastToRoundTrip(DType dtype) {
        checkSumToAndBroadcast(dtype, new int[] {5, 3}, new int[] {3});
        checkSumToAndBroadcast(dtype, new int[] {5, 3}, new int[] {5, 1});
        checkSumToAndBroadcast(dtype, new int[] {2, 3, 4, 5}, new int[] {1, 3, 1, 1});
        checkSumToAndBroadcast(dtype, new int[] {2, 3, 4}, new int[] {});
        checkSumToAndBroadcast(dtype, new int[] {2, 3, 4}, new int[] {3, 1});
    }

    @Test
    void sumToAndBroadcastToNameBadShapes() {
        Tensor a = backend().zeros(DType.F32, 2, 3);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> backend().sumTo(a, 4));
        assertMessageNames(e, "[2, 3]", "[4]");
        e = assertThrows(IllegalArgumentException.class, () -> backend().broadcastTo(a, 4, 3));
        assertMessageNames(e, "[2, 3]", "[4, 3]");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void reshapeAndTranspose(DType dtype) {
        Sample a = sample(dtype, -1, 1, 3, 4);
        Tensor r = backend().reshape(a.tensor(), 2, 6);
        assertArrayEquals(new int[] {2, 6}, r.shape());
        assertArrayEquals(a.values(), r.toDoubleArray());
        assertArrayEquals(a.values(), backend().reshape(r, 12).toDoubleArray());
        assertEquals(
                a.values()[0],
                backend().reshape(backend().reshape(a.tensor(), 12), 3, 4).toDoubleArray()[0]);
        Tensor t = backend().transpose(a.tensor());
        assertArrayEquals(new int[] {4, 3}, t.shape());
        assertArrayEquals(ReferenceOps.transpose(a.values(), 3, 4), t.toDoubleArray());
        Tensor one = backend().reshape(backend().scalar(dtype, 7), 1, 1);
        assertArrayEquals(new int[] {1, 1}, one.shape());
        assertEquals(7, backend().reshape(one).item());
    }

    @Test
    void reshapeAndTransposeNameBadShapes() {
        Tensor a = backend().zeros(DType.F64, 3, 4);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> backend().reshape(a, 5, 2));
        assertMessageNames(e, "[3, 4]", "[5, 2]");
        Tensor cube = backend().zeros(DType.F64, 2, 2, 2);
        e = assertThrows(IllegalArgumentException.class, () -> backend().transpose(cube));
        assertMessageNames(e, "[2, 2, 2]");
    }

    // ---- matmul and log-softmax ----

    @ParameterizedTest
    @EnumSource(DType.class)
    void matmulWithAllTransposeFlags(DType dtype) {
        int m = 4;
        int k = 5;
        int n = 3;
        for (int flags = 0; flags < 4; flags++) {
            boolean ta = (flags & 1) != 0;
            boolean tb = (flags & 2) != 0;
            int[] as = ta ? new int[] {k, m} : new int[] {m, k};
            int[] bs = tb ? new int[] {n, k} : new int[] {k, n};
            Sample a = sample(dtype, -1, 1, as);
            Sample b = sample(dtype, -1, 1, bs);
            Tensor r = backend().matmul(a.tensor(), b.tensor(), ta, tb);
            assertArrayEquals(new int[] {m, n}, r.shape(), "shape with flags " + ta + ", " + tb);
            assertEquals(dtype, r.dtype());
            assertValues(
                    ReferenceOps.matmul(a.values(), as[0], as[1], b.values(), bs[0], bs[1], ta, tb),
                    r,
                    tol(dtype) * 10);
        }
    }

    @Test
    void matmulNamesBadShapes() {
        Tensor a = backend().zeros(DType.F32, 2, 3);
        Tensor b = backend().zeros(DType.F32, 4, 5);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> backend().matmul(a, b));
        assertMessageNames(e, "[2, 3]", "[4, 5]");
        e = assertThrows(IllegalArgumentException.class, () -> backend().matmul(a, a, false, false));
        assertMessageNames(e, "[2, 3]");
        Tensor v = backend().zeros(DType.F32, 3);
        e = assertThrows(IllegalArgumentException.class, () -> backend().matmul(a, v));
        assertMessageNames(e, "[3]");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void logSoftmaxRows(DType dtype) {
        Sample a = sample(dtype, -4, 4, 3, 6);
        Tensor r = backend().logSoftmax(a.tensor());
        assertArrayEquals(new int[] {3, 6}, r.shape());
        assertValues(ReferenceOps.logSoftmax(a.values(), 3, 6), r, tol(dtype) * 10);
        // large logits must not overflow
        Tensor big = backend().fromArray(new double[] {1000, 1001, -1000, 999}, dtype, 2, 2);
        assertValues(
                ReferenceOps.logSoftmax(new double[] {1000, 1001, -1000, 999}, 2, 2),
                backend().logSoftmax(big),
                tol(dtype));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> backend().logSoftmax(backend().zeros(dtype, 6)));
        assertMessageNames(e, "[6]");
    }

    // ---- convolution and its adjoints ----

    @ParameterizedTest
    @ValueSource(strings = {"1,0", "1,2", "2,0", "2,2"})
    void convolutionAndAdjointsF64(String strideAndPad) {
        checkConvolution(DType.F64, strideAndPad);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,0", "1,2", "2,0", "2,2"})
    void convolutionAndAdjointsF32(String strideAndPad) {
        checkConvolution(DType.F32, strideAndPad);
    }

    private void checkConvolution(DType dtype, String strideAndPad) {
        String[] p = strideAndPad.split(",", -1);
        Conv2dSpec spec = new Conv2dSpec(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        checkConvolution(dtype, spec, 1); // one image takes shortcuts in some backends
        checkConvolution(dtype, spec, 2);
    }

    private void checkConvolution(DType dtype, Conv2dSpec spec, int batch) {
        // Non-square input and kernel catch swapped axes; width 6 with stride 2 leaves a column unused.
        int[] xs = {batch, 3, 7, 6};
        int[] ws = {4, 3, 3, 2};
        int[] ys = ReferenceOps.convShape(xs, ws, spec.stride(), spec.padding());
        Sample x = sample(dtype, -1, 1, xs);
        Sample w = sample(dtype, -1, 1, ws);
        Sample g = sample(dtype, -1, 1, ys);
        double[][] ref = ReferenceOps.conv(x.values(), xs, w.values(), ws, g.values(), spec.stride(), spec.padding());

        Tensor y = backend().conv2d(x.tensor(), w.tensor(), spec);
        assertArrayEquals(ys, y.shape());
        assertEquals(dtype, y.dtype());
        double t = tol(dtype) * 10;
        assertValues(ref[0], y, t);
        Tensor gx = backend().conv2dInputAdjoint(g.tensor(), w.tensor(), xs, spec);
        assertArrayEquals(xs, gx.shape());
        assertValues(ref[1], gx, t);
        Tensor gw = backend().conv2dFilterAdjoint(x.tensor(), g.tensor(), ws, spec);
        assertArrayEquals(ws, gw.shape());
        assertValues(ref[2], gw, t);

        // <conv(x, w), g> = <x, inputAdjoint(g, w)> = <w, filterAdjoint(x, g)>
        double yg = ReferenceOps.dot(y.toDoubleArray(), g.values());
        double xgx = ReferenceOps.dot(x.values(), gx.toDoubleArray());
        double wgw = ReferenceOps.dot(w.values(), gw.toDoubleArray());
        double bound = tol(dtype) * 100 * (1 + Math.abs(yg));
        assertEquals(yg, xgx, bound);
        assertEquals(yg, wgw, bound);
    }

    @Test
    void lenetSizedConvolution() {
        Sample x = sample(DType.F32, 0, 1, 1, 1, 28, 28);
        Sample w = sample(DType.F32, -0.5, 0.5, 12, 1, 5, 5);
        Tensor y = backend().conv2d(x.tensor(), w.tensor(), new Conv2dSpec(2, 2));
        assertArrayEquals(new int[] {1, 12, 14, 14}, y.shape());
        assertValues(
                ReferenceOps.conv(
                        x.values(), new int[] {1, 1, 28, 28}, w.values(), new int[] {12, 1, 5, 5}, null, 2, 2)[0],
                y,
                1e-4);
    }

    @Test
    void convolutionNamesBadShapes() {
        Conv2dSpec spec = new Conv2dSpec(1, 0);
        Tensor x = backend().zeros(DType.F32, 1, 3, 5, 5);
        Tensor w = backend().zeros(DType.F32, 2, 4, 3, 3);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> backend().conv2d(x, w, spec));
        assertMessageNames(e, "[2, 4, 3, 3]");
        Tensor wide = backend().zeros(DType.F32, 2, 3, 6, 3);
        e = assertThrows(IllegalArgumentException.class, () -> backend().conv2d(x, wide, spec));
        assertMessageNames(e, "[2, 3, 6, 3]", "[1, 3, 5, 5]");
        // a 5-wide kernel on 4 pixels with stride 2 does not fit, even though (4 - 5) / 2 rounds to 0
        Tensor x4 = backend().zeros(DType.F32, 1, 1, 4, 4);
        Tensor w5 = backend().zeros(DType.F32, 1, 1, 5, 5);
        assertThrows(IllegalArgumentException.class, () -> backend().conv2d(x4, w5, new Conv2dSpec(2, 0)));
        Tensor flat = backend().zeros(DType.F32, 3, 5, 5);
        e = assertThrows(IllegalArgumentException.class, () -> backend().conv2d(flat, w, spec));
        assertMessageNames(e, "[3, 5, 5]");

        Tensor w3 = backend().zeros(DType.F32, 2, 3, 3, 3);
        Tensor badG = backend().zeros(DType.F32, 1, 2, 4, 4);
        e = assertThrows(
                IllegalArgumentException.class,
                () -> backend().conv2dInputAdjoint(badG, w3, new int[] {1, 3, 5, 5}, spec));
        assertMessageNames(e, "[1, 2, 4, 4]", "[1, 2, 3, 3]");
        e = assertThrows(
                IllegalArgumentException.class,
                () -> backend().conv2dFilterAdjoint(x, badG, new int[] {2, 3, 3, 3}, spec));
        assertMessageNames(e, "[1, 2, 4, 4]", "[1, 2, 3, 3]");
    }

    // ---- inputs are never modified ----

    @Test
    void operationsLeaveTheirInputsUnchanged() {
        Backend b = backend();
        Sample a = sample(DType.F32, 0.1, 2, 2, 3);
        Sample c = sample(DType.F64, 0.1, 2, 3);
        Sample x = sample(DType.F32, -1, 1, 1, 2, 5, 5);
        Sample w = sample(DType.F32, -1, 1, 3, 2, 3, 3);
        Conv2dSpec spec = new Conv2dSpec(2, 1);
        Sample g = sample(DType.F32, -1, 1, 1, 3, 3, 3);
        b.add(a.tensor(), c.tensor());
        b.sub(a.tensor(), c.tensor());
        b.mul(a.tensor(), c.tensor());
        b.div(c.tensor(), a.tensor());
        b.scale(a.tensor(), 3);
        b.addScalar(a.tensor(), 3);
        for (UnaryOperator<Tensor> op : java.util.List.<UnaryOperator<Tensor>>of(
                b::neg,
                b::exp,
                b::log,
                b::sqrt,
                b::square,
                b::sigmoid,
                b::tanh,
                b::relu,
                b::positiveMask,
                b::sign,
                b::abs,
                t -> b.clamp(t, 0, 1),
                b::sumAll,
                t -> b.sumTo(t, 3),
                t -> b.broadcastTo(t, 4, 2, 3),
                t -> b.reshape(t, 3, 2),
                b::transpose,
                b::logSoftmax,
                t -> b.cast(t, DType.F64),
                t -> b.matmul(t, t, true, false))) {
            assertNotNull(op.apply(a.tensor()));
        }
        b.conv2d(x.tensor(), w.tensor(), spec);
        b.conv2dInputAdjoint(g.tensor(), w.tensor(), x.tensor().shape(), spec);
        b.conv2dFilterAdjoint(x.tensor(), g.tensor(), w.tensor().shape(), spec);
        assertArrayEquals(a.values(), a.tensor().toDoubleArray());
        assertArrayEquals(c.values(), c.tensor().toDoubleArray());
        assertArrayEquals(x.values(), x.tensor().toDoubleArray());
        assertArrayEquals(w.values(), w.tensor().toDoubleArray());
        assertArrayEquals(g.values(), g.tensor().toDoubleArray());
        assertArrayEquals(new int[] {2, 3}, a.tensor().shape());
    }

    /**
     * GELU as one op gives its composition's float32 bits (a fused loop must round every step as the ops do),
     * and its derivative matches the derivative of the closed form, computed in double, to float rounding.
     */
    @Test
    void geluIsItsCompositionAndItsDerivativeIsRight() {
        Backend be = backend();
        int n = 1000; // whole vectors and a tail
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = -6 + 12.0 * i / (n - 1);
        }
        Tensor x = be.fromArray(v, DType.F32, n);
        Tensor inner = be.scale(be.add(x, be.scale(be.mul(be.square(x), x), Gelu.CUBIC)), Gelu.SCALE);
        Tensor composed = be.mul(be.scale(x, 0.5), be.addScalar(be.tanh(inner), 1));
        assertArrayEquals(composed.toFloatArray(), be.gelu(x).toFloatArray());
        float[] d = be.geluDerivative(x).toFloatArray();
        float[] xf = x.toFloatArray();
        for (int i = 0; i < n; i++) {
            double z = xf[i];
            double u = Gelu.SCALE * (z + Gelu.CUBIC * z * z * z);
            double t = Math.tanh(u);
            double want = 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * Gelu.SCALE * (1 + 3 * Gelu.CUBIC * z * z);
            assertEquals(want, d[i], 2e-6, "gelu'(" + z + ")");
        }
    }
}
