package org.leakbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Nd4jTestBackend;
import org.leakbench.tensor.Tensor;

/** The decoder-only transformer: sizes, names, initialisation, both input forms, causality and refusals. */
class TransformerTest {
    static final int T = 4;
    static final int V = 7;

    /** The tiny transformer of the gradient checks: d = 8, 2 heads, 1 block, T = 4, V = 7. */
    static Transformer tiny() {
        return new Transformer(spec(T, V, 8, 1, 2));
    }

    static ModelSpec spec(int context, int vocabulary, int d, int depth, int heads) {
        return new ModelSpec(
                ModelSpec.TRANSFORMER,
                new int[] {context},
                vocabulary,
                d,
                depth,
                Activation.SIGMOID,
                Map.of(ModelSpec.HEADS, Integer.toString(heads)));
    }

    static Backend backend(String name) {
        return name.equals("nd4j") ? Nd4jTestBackend.startOrSkipOnCudaWithoutGpu() : Backends.get(name);
    }

    /** Random token ids [n, context] in [0, vocabulary). */
    static double[] tokens(int n, int context, int vocabulary, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] ids = new double[n * context];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = r.nextInt(vocabulary);
        }
        return ids;
    }

    /** The one-hot [n, context, vocabulary] of ids. */
    static double[] oneHot(double[] ids, int vocabulary) {
        double[] x = new double[ids.length * vocabulary];
        for (int i = 0; i < ids.length; i++) {
            x[i * vocabulary + (int) ids[i]] = 1;
        }
        return x;
    }

    static List<Var> constants(List<Tensor> params) {
        List<Var> out = new ArrayList<>();
        params.forEach(p -> out.add(Var.constant(p)));
        return out;
    }

    @ParameterizedTest(name = "V={0} T={1} d={2} depth={3}")
    @CsvSource({"7, 4, 8, 1, 2", "11, 8, 16, 2, 2", "100, 32, 64, 2, 4", "50, 16, 32, 3, 4"})
    void theParameterCountIsTheFormula(int vocabulary, int context, int d, int depth, int heads) {
        Transformer m = new Transformer(spec(context, vocabulary, d, depth, heads));
        assertEquals(Transformer.parameterCountFormula(vocabulary, context, d, depth), m.parameterCount());
        assertEquals(2 + 12 * depth + 4, m.parameterShapes().size());
    }

    @Test
    void theBenchmarkSizeHas115044Parameters() {
        // 100·64 + 32·64 + 2·(12·64² + 13·64) + 2·64 + 100·64 + 100, counted by hand
        assertEquals(115_044, new Transformer(spec(32, 100, 64, 2, 4)).parameterCount());
    }

    @Test
    void parametersAreNamedAndShapedLikeThePyTorchModule() {
        List<ParamShape> s = new Transformer(spec(5, 11, 16, 2, 2)).parameterShapes();
        assertEquals("tok_emb.weight", s.get(0).name());
        assertArrayEquals(new int[] {11, 16}, s.get(0).shape());
        assertEquals("pos_emb.weight", s.get(1).name());
        assertArrayEquals(new int[] {5, 16}, s.get(1).shape());
        assertEquals("blocks.0.ln1.weight", s.get(2).name());
        assertEquals("blocks.0.attn.qkv.weight", s.get(4).name());
        assertArrayEquals(new int[] {48, 16}, s.get(4).shape());
        assertEquals("blocks.1.mlp.proj.weight", s.get(2 + 12 + 10).name());
        assertArrayEquals(new int[] {16, 64}, s.get(2 + 12 + 10).shape());
        assertEquals("ln_f.weight", s.get(s.size() - 4).name());
        assertEquals("head.weight", s.get(s.size() - 2).name());
        assertArrayEquals(new int[] {11, 16}, s.get(s.size() - 2).shape());
        assertEquals("head.bias", s.get(s.size() - 1).name());
    }

    @Test
    void initialisationIsGpt2sAndSeeded() {
        Transformer m = new Transformer(spec(16, 50, 64, 2, 4));
        Backend be = Backends.get("java");
        List<Tensor> p = m.initialParameters(be, DType.F64, new SplittableRandom(5));
        List<Tensor> again = m.initialParameters(be, DType.F64, new SplittableRandom(5));
        for (int i = 0; i < p.size(); i++) {
            String name = m.parameterShapes().get(i).name();
            double[] v = p.get(i).toDoubleArray();
            assertArrayEquals(v, again.get(i).toDoubleArray(), name);
            if (name.endsWith(".bias")) {
                assertTrue(java.util.Arrays.stream(v).allMatch(x -> x == 0), name);
            } else if (name.contains("ln")) {
                assertTrue(java.util.Arrays.stream(v).allMatch(x -> x == 1), name);
            } else {
                double sd = Math.sqrt(
                        java.util.Arrays.stream(v).map(x -> x * x).average().orElseThrow());
                double expected = name.endsWith("proj.weight") ? 0.01 : 0.02; // 0.02/√(2·depth) for depth 2
                assertEquals(expected, sd, expected * 0.1, name);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"java, F32", "java, F64", "nd4j, F32", "nd4j, F64"})
    void idsAndExactOneHotGiveTheSameLogitsOfShapeNByV(String backend, DType dtype) {
        Backend be = backend(backend);
        Transformer m = tiny();
        List<Var> params = constants(m.initialParameters(be, dtype, new SplittableRandom(1)));
        double[] ids = tokens(3, T, V, 2);
        Tensor fromIds =
                m.logits(Var.constant(be.fromArray(ids, dtype, 3, T)), params).value();
        Tensor fromOneHot = m.logits(Var.constant(be.fromArray(oneHot(ids, V), dtype, 3, T, V)), params)
                .value();
        assertArrayEquals(new int[] {T, V}, m.attackInputShape());
        assertArrayEquals(new int[] {3, V}, fromIds.shape());
        assertArrayEquals(new int[] {3, V}, fromOneHot.shape());
        double tol = dtype == DType.F32 ? 1e-5 : 1e-12;
        assertArrayEquals(fromIds.toDoubleArray(), fromOneHot.toDoubleArray(), tol);
    }

    @Test
    void theLogitsAreTheLastPositionsOfEveryPositionsLogits() {
        Backend be = Backends.get("java");
        Transformer m = new Transformer(spec(6, 9, 16, 2, 4));
        List<Var> params = constants(m.initialParameters(be, DType.F64, new SplittableRandom(3)));
        Var x = Var.constant(be.fromArray(tokens(2, 6, 9, 4), DType.F64, 2, 6));
        double[] all = m.logitsAtEveryPosition(x, params).value().toDoubleArray();
        double[] last = m.logits(x, params).value().toDoubleArray();
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 9; k++) {
                assertEquals(all[(i * 6 + 5) * 9 + k], last[i * 9 + k], 1e-12);
            }
        }
    }

    @Test
    void aLaterTokenDoesNotChangeAnEarlierPosition() {
        Backend be = Backends.get("java");
        int context = 6;
        Transformer m = new Transformer(spec(context, 9, 16, 2, 4));
        List<Var> params = constants(m.initialParameters(be, DType.F64, new SplittableRandom(7)));
        double[] ids = tokens(1, context, 9, 8);
        double[] base = m.logitsAtEveryPosition(Var.constant(be.fromArray(ids, DType.F64, 1, context)), params)
                .value()
                .toDoubleArray();
        for (int changed = 1; changed < context; changed++) {
            double[] edited = ids.clone();
            edited[changed] = (edited[changed] + 1) % 9;
            double[] out = m.logitsAtEveryPosition(Var.constant(be.fromArray(edited, DType.F64, 1, context)), params)
                    .value()
                    .toDoubleArray();
            for (int t = 0; t < context; t++) {
                double diff = 0;
                for (int k = 0; k < 9; k++) {
                    diff = Math.max(diff, Math.abs(out[t * 9 + k] - base[t * 9 + k]));
                }
                if (t < changed) {
                    assertEquals(0, diff, 0, "position " + t + " saw the token at " + changed);
                } else {
                    assertNotEquals(0, diff, "position " + t + " ignored the token at " + changed);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "2.5, 'token id 2.5 at sample 1, position 2'",
        "7, 'token id 7.0 at sample 1, position 2'",
        "-1, 'token id -1.0 at sample 1, position 2'",
        "NaN, 'token id NaN at sample 1, position 2'"
    })
    void aTokenIdOutsideTheVocabularyIsRefusedByItsPosition(double bad, String message) {
        Backend be = Backends.get("java");
        Transformer m = tiny();
        List<Var> params = constants(m.initialParameters(be, DType.F64, new SplittableRandom(1)));
        double[] ids = tokens(2, T, V, 3);
        ids[T + 2] = bad;
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> m.logits(Var.constant(be.fromArray(ids, DType.F64, 2, T)), params));
        assertTrue(e.getMessage().contains(message) && e.getMessage().contains("[0, 7)"), e.getMessage());
    }

    @Test
    void anInputOfAnotherShapeIsRefusedWithBothForms() {
        Backend be = Backends.get("java");
        Transformer m = tiny();
        List<Var> params = constants(m.initialParameters(be, DType.F64, new SplittableRandom(1)));
        for (int[] shape : new int[][] {{2, T + 1}, {2, T, V + 1}, {2, 1, T, V}}) {
            Var x = Var.constant(be.zeros(DType.F64, shape));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.logits(x, params));
            assertTrue(e.getMessage().contains("[N, 4] or a relaxed one-hot [N, 4, 7]"), e.getMessage());
            assertTrue(e.getMessage().contains(java.util.Arrays.toString(shape)), e.getMessage());
        }
    }

    @Test
    void imageSamplesAndHeadsThatDoNotDivideTheWidthAreRefused() {
        IllegalArgumentException image = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelSpec(ModelSpec.TRANSFORMER, new int[] {1, 28, 28}, 10, 64, 2, Activation.SIGMOID));
        assertTrue(
                image.getMessage().contains("model transformer")
                        && image.getMessage().contains("samples have shape [1, 28, 28]"),
                image.getMessage());
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class, () -> spec(T, V, 10, 1, 4));
        assertTrue(heads.getMessage().contains("4 attention heads do not divide d_model 10"), heads.getMessage());
    }
}
