package org.leakbench.defense.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Activation;
import org.leakbench.model.ForwardState;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.VariationalBottleneck;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** PRECODE's bottleneck model and client step on a small MLP, against hand-computed values. */
class PrecodeTest {
    private static final int K = 3;
    private final Backend be = Backends.get("ejml");

    private static ModelSpec mlp() {
        return ModelSpec.mlp(new int[] {5}, 4, 8.0 / 256, 1, Activation.RELU).withOption(ModelSpec.BOTTLENECK, "" + K);
    }

    private Tensor batch() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[2 * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble();
        }
        return be.fromArray(x, DType.F64, 2, 5);
    }

    private List<Tensor> params(Model m) {
        return m.initialParameters(be, DType.F64, new SplittableRandom(1));
    }

    @Test
    void theBottleneckSitsBeforeTheClassifierWhichStaysLast() {
        Model plain = Models.build(ModelSpec.mlp(new int[] {5}, 4, 8.0 / 256, 1, Activation.RELU));
        Model m = Models.build(mlp());
        assertTrue(m instanceof VariationalBottleneck);
        assertEquals(plain.parameterShapes().size() + 6, m.parameterShapes().size());
        int n = m.parameterShapes().size();
        assertEquals("out.weight", m.parameterShapes().get(n - 2).name());
        assertEquals(n - 2, Classifier.weightIndex(m));
        assertArrayEquals(new int[] {8, K}, m.parameterShapes().get(2).shape()); // μ's encoder reads 8 features
        assertArrayEquals(new int[] {K, 8}, m.parameterShapes().get(6).shape()); // the decoder writes them back
    }

    @Test
    void theKlTermIsHalfTheSquaredMeanWhenTheVarianceIsOne() {
        VariationalBottleneck m = (VariationalBottleneck) Models.build(mlp());
        List<Tensor> p = new ArrayList<>(params(m));
        // encoder weights 0, μ's bias 1 and log σ² bias 0: every code coordinate is N(1, 1), KL = ½·K per sample
        p.set(2, be.zeros(DType.F64, 8, K));
        p.set(3, be.fromArray(new double[] {1, 1, 1}, DType.F64, K));
        p.set(4, be.zeros(DType.F64, 8, K));
        p.set(5, be.zeros(DType.F64, K));
        List<Var> vars = p.stream().map(Var::constant).toList();
        VariationalBottleneck.Pass pass = m.pass(Var.constant(batch()), vars, ForwardState.batchStatistics(), null);
        assertEquals(0.5 * K, pass.kl().value().item(), 1e-12);
        // log σ² = log 4: ½(1 + 4 − log 4 − 1) per coordinate
        p.set(5, be.fromArray(new double[] {Math.log(4), Math.log(4), Math.log(4)}, DType.F64, K));
        vars = p.stream().map(Var::constant).toList();
        pass = m.pass(Var.constant(batch()), vars, ForwardState.batchStatistics(), null);
        assertEquals(K * 0.5 * (4 - Math.log(4)), pass.kl().value().item(), 1e-12);
    }

    @Test
    void theEvaluatedModelIsTheCodesMeanAndTheClientDrawsFreshNoise() {
        VariationalBottleneck m = (VariationalBottleneck) Models.build(mlp());
        List<Tensor> p = params(m);
        List<Var> vars = p.stream().map(Var::constant).toList();
        Var x = Var.constant(batch());
        Var zero = Var.constant(be.zeros(DType.F64, 2, K));
        assertArrayEquals(
                m.logits(x, vars).value().toDoubleArray(),
                m.pass(x, vars, ForwardState.batchStatistics(), zero)
                        .logits()
                        .value()
                        .toDoubleArray(),
                1e-12);
        Precode precode = new Precode(1e-3);
        int[] labels = {0, 3};
        double[] a = precode.gradient(m, p, batch(), labels, new SplittableRandom(5))
                .get(0)
                .toDoubleArray();
        double[] same = precode.gradient(m, p, batch(), labels, new SplittableRandom(5))
                .get(0)
                .toDoubleArray();
        double[] other = precode.gradient(m, p, batch(), labels, new SplittableRandom(6))
                .get(0)
                .toDoubleArray();
        assertArrayEquals(a, same, 0);
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += Math.abs(a[i] - other[i]);
        }
        assertTrue(diff > 1e-6, "another draw of the noise gives another gradient: " + diff);
        assertTrue(precode.knowledge(m).orElseThrow().latent() != null);
    }

    @Test
    void modelsItCannotExtendAreRefusedWithTheReason() {
        IllegalArgumentException t = assertThrows(
                IllegalArgumentException.class,
                () -> new ModelSpec(ModelSpec.TRANSFORMER, new int[] {8}, 50, 16, 1, Activation.RELU)
                        .withOption(ModelSpec.BOTTLENECK, "4"));
        assertTrue(t.getMessage().contains("transformer's output layer reads every position"), t.getMessage());
        IllegalArgumentException l = assertThrows(
                IllegalArgumentException.class,
                () -> ModelSpec.linear(new int[] {5}, 2).withOption(ModelSpec.BOTTLENECK, "4"));
        assertTrue(l.getMessage().contains("logistic's reads the input itself"), l.getMessage());
        Model plain = Models.build(ModelSpec.mlp(new int[] {5}, 4, 8.0 / 256, 1, Activation.RELU));
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class,
                () -> new Precode(1e-3)
                        .gradient(plain, params(plain), batch(), new int[] {0, 1}, new SplittableRandom(1)));
        assertTrue(none.getMessage().contains("has none"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Precode(-1));
    }

    @Test
    void theBottleneckFitsTheConvolutionalVictimsWhoseClassifierIsStoredClassesFirst() {
        int[] image = {1, 12, 12};
        for (ModelSpec spec : List.of(
                new ModelSpec(ModelSpec.CONVNET, image, 10, 1.0 / 16, 1, Activation.RELU),
                new ModelSpec(ModelSpec.RESNET, image, 10, 0.125, 20, Activation.RELU),
                ModelSpec.lenet(image, 10))) {
            Model plain = Models.build(spec);
            VariationalBottleneck m =
                    (VariationalBottleneck) Models.build(spec.withOption(ModelSpec.BOTTLENECK, "" + K));
            assertEquals(plain.parameterShapes().size() + 6, m.parameterShapes().size(), spec.family());
            assertEquals(plain.bufferShapes().size(), m.bufferShapes().size(), spec.family());
            List<Tensor> p = m.initialParameters(be, DType.F64, new SplittableRandom(1));
            double[] x = new double[2 * 144];
            SplittableRandom rng = new SplittableRandom(2);
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble();
            }
            Tensor batch = be.fromArray(x, DType.F64, 2, 1, 12, 12);
            List<Tensor> g = new Precode(1e-3).gradient(m, p, batch, new int[] {1, 7}, new SplittableRandom(3));
            assertEquals(p.size(), g.size(), spec.family());
            for (int i = 0; i < g.size(); i++) {
                assertArrayEquals(p.get(i).shape(), g.get(i).shape(), spec.family() + " parameter " + i);
            }
            double decoder = 0;
            for (double v : g.get(g.size() - 4).toDoubleArray()) {
                decoder += Math.abs(v);
            }
            assertTrue(decoder > 0, spec.family() + ": the decoder gets a gradient");
            assertEquals(
                    2,
                    m.logits(Var.constant(batch), p.stream().map(Var::constant).toList())
                            .shape()[0]);
        }
    }
}
