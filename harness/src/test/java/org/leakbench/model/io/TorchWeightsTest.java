package org.leakbench.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

class TorchWeightsTest {
    static final Path FILE = Path.of("w.safetensors");
    static final Backend BE = Backends.get("java");
    static final Model LENET = Models.build(ModelSpec.lenet(new int[] {1, 8, 8}, 3));
    static final Model MLP = Models.build(ModelSpec.mlp(new int[] {5}, 3, 1 / 64.0, 1, Activation.RELU));

    @Test
    void lenetUsesDlgNamesAndTransposesItsLinearWeight() {
        List<StoredTensor> sd = TorchWeights.stateDict(LENET, params(LENET));
        assertEquals(
                List.of(
                        "body.0.weight",
                        "body.0.bias",
                        "body.2.weight",
                        "body.2.bias",
                        "body.4.weight",
                        "body.4.bias",
                        "fc.0.weight",
                        "fc.0.bias"),
                sd.stream().map(StoredTensor::name).toList());
        assertArrayEquals(new int[] {3, 48}, sd.get(6).shape());
        assertArrayEquals(new int[] {12, 1, 5, 5}, sd.get(0).shape());
    }

    @Test
    void aStateDictLoadsBackToTheSameParameters() {
        for (Model m : List.of(LENET, MLP)) {
            List<Tensor> p = params(m);
            List<Tensor> back =
                    TorchWeights.parameters(m, FILE, TorchWeights.byName(TorchWeights.stateDict(m, p)), BE, DType.F64);
            for (int i = 0; i < p.size(); i++) {
                assertArrayEquals(p.get(i).shape(), back.get(i).shape());
                assertArrayEquals(p.get(i).toDoubleArray(), back.get(i).toDoubleArray(), 0.0);
            }
        }
    }

    @Test
    void savedWeightsLoadFromTheFile(@TempDir Path dir) {
        Path file = dir.resolve("lenet.safetensors");
        List<Tensor> p = params(LENET);
        TorchWeights.save(LENET, p, file, Map.of("family", "lenet"));
        List<Tensor> back = TorchWeights.load(LENET, file, BE, DType.F64);
        assertArrayEquals(p.get(6).toDoubleArray(), back.get(6).toDoubleArray(), 0.0);
        WeightFileException e =
                assertThrows(WeightFileException.class, () -> TorchWeights.load(MLP, file, BE, DType.F64));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("missing tensor 'fc0.weight' [4, 5]"), e.getMessage());
        assertTrue(e.getMessage().contains("extra tensor 'body.0.weight'"), e.getMessage());
    }

    @Test
    void theLinearWeightIsTransposedElementByElement() {
        List<Tensor> p = params(MLP);
        double[] ours = p.get(0).toDoubleArray(); // fc0.weight [5, 4]
        StoredTensor torch = TorchWeights.stateDict(MLP, p).get(0);
        assertArrayEquals(new int[] {4, 5}, torch.shape());
        assertEquals(ours[1 * 4 + 3], torch.values()[3 * 5 + 1], 0.0);
    }

    @Test
    void aWrongShapeNamesTheTensorAndBothShapes() {
        Map<String, StoredTensor> sd = TorchWeights.byName(TorchWeights.stateDict(MLP, params(MLP)));
        sd.put("out.weight", new StoredTensor("out.weight", StoredDType.F32, new int[] {4, 3}, new double[12]));
        WeightFileException e = assertThrows(WeightFileException.class, () -> TorchWeights.check(MLP, FILE, sd));
        assertEquals("out.weight", e.tensor());
        assertTrue(
                e.getMessage().contains("tensor 'out.weight' has shape [4, 3], the model needs [3, 4]"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ": "), e.getMessage());
    }

    @Test
    void missingAndExtraTensorsAreAllListedButBatchCountersAreIgnored() {
        Map<String, StoredTensor> sd = TorchWeights.byName(TorchWeights.stateDict(MLP, params(MLP)));
        sd.remove("fc0.bias");
        sd.remove("out.weight");
        sd.put("head.weight", new StoredTensor("head.weight", StoredDType.F32, new int[] {1}, new double[1]));
        sd.put(
                "bn.num_batches_tracked",
                new StoredTensor("bn.num_batches_tracked", StoredDType.I64, new int[] {}, new double[1]));
        WeightFileException e = assertThrows(WeightFileException.class, () -> TorchWeights.check(MLP, FILE, sd));
        String m = e.getMessage();
        assertTrue(m.contains("missing tensor 'fc0.bias' [4]"), m);
        assertTrue(m.contains("missing tensor 'out.weight' [3, 4]"), m);
        assertTrue(m.contains("extra tensor 'head.weight'"), m);
        assertTrue(!m.contains("num_batches_tracked"), m);
        assertEquals("fc0.bias", e.tensor());
    }

    @Test
    void modelsWithoutOwnNamesUsePyTorchsNamesAndLayouts() {
        Model identity = new Model() {
            @Override
            public ModelSpec spec() {
                return MLP.spec();
            }

            @Override
            public List<org.leakbench.model.ParamShape> parameterShapes() {
                return MLP.parameterShapes();
            }

            @Override
            public org.leakbench.autodiff.Var logits(org.leakbench.autodiff.Var x, List<org.leakbench.autodiff.Var> p) {
                return MLP.logits(x, p);
            }

            @Override
            public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
                return MLP.initialParameters(backend, dtype, rng);
            }
        };
        List<StoredTensor> sd = TorchWeights.stateDict(identity, params(MLP));
        assertEquals("fc0.weight", sd.get(0).name());
        assertArrayEquals(new int[] {5, 4}, sd.get(0).shape());
    }

    static List<Tensor> params(Model m) {
        return new ArrayList<>(m.initialParameters(BE, DType.F64, new SplittableRandom(3)));
    }
}
