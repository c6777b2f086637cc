package org.leakbench.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.ParamShape;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A victim's starting state read from a PyTorch {@code state_dict}: parameters and BatchNorm running statistics
 * load from PyTorch's own fixtures, a LeakBench export reads back exactly, and a file that is not the model's
 * state is refused naming the file and the tensor at fault.
 */
class InitialWeightsTest {
    static final Path FILE = Path.of("init.safetensors");
    static final Backend BE = Backends.get("java");
    static final Model RESNET =
            Models.build(new ModelSpec(ModelSpec.RESNET, new int[] {3, 8, 8}, 4, 0.25, 20, Activation.RELU, Map.of()));

    @Test
    void everyPyTorchFixturesStateDictLoadsWithItsRunningStatistics() {
        for (ParityFixture f : ParityFixture.all()) {
            Model model = f.model();
            WeightFile sd = new WeightFile(FILE, f.weights(), Map.of());
            InitialWeights w = InitialWeights.of(model, sd, BE, f.dtype());
            List<Tensor> expected = TorchWeights.parameters(model, FILE, f.weights(), BE, f.dtype());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(
                        expected.get(i).toDoubleArray(), w.params().get(i).toDoubleArray(), 0.0, f.name());
            }
            List<ParamShape> buffers = model.bufferShapes();
            assertEquals(buffers.size(), w.buffers().size(), f.name());
            for (int i = 0; i < buffers.size(); i++) {
                assertArrayEquals(
                        sd.tensor(buffers.get(i).name()).values(),
                        w.buffers().get(i).toDoubleArray(),
                        0.0,
                        f.name() + " " + buffers.get(i).name());
            }
        }
    }

    @Test
    void theRunningStatisticsOfPyTorchsResnetAreItsTrackedOnesNotTheDefaults() {
        ParityFixture f = fixture("resnet20-float32");
        InitialWeights w = InitialWeights.of(f.model(), new WeightFile(FILE, f.weights(), Map.of()), BE, DType.F32);
        double[] var = w.buffers().get(1).toDoubleArray(); // bn1.running_var
        assertEquals(f.file().tensor("bn1.running_var").values()[0], var[0], 0.0);
        assertTrue(var[0] != 1.0, "bn1.running_var kept the default");
    }

    @Test
    void aFixtureWithItsParityEntriesIsRefusedNamingTheFirstExtraTensor() {
        ParityFixture f = fixture("resnet20-float32");
        WeightFileException e =
                assertThrows(WeightFileException.class, () -> InitialWeights.of(f.model(), f.file(), BE, DType.F32));
        assertEquals("parity.x", e.tensor());
        assertTrue(e.getMessage().contains("extra tensor 'parity.x' F32[2, 3, 8, 8]"), e.getMessage());
        assertTrue(e.getMessage().contains("and "), "long lists are cut: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anExportReadsBackBitForBitWithBuffersAndZeroCounters() {
        InitialWeights w = random(RESNET, 5);
        byte[] bytes = SafetensorsWriter.bytes(w.stateDict(RESNET), Map.of("format", "pt"));
        WeightFile file = SafetensorsReader.parse(FILE, bytes);
        List<String> names = new ArrayList<>(file.tensors().keySet());
        assertEquals(
                List.of(
                        "conv1.weight",
                        "bn1.weight",
                        "bn1.bias",
                        "bn1.running_mean",
                        "bn1.running_var",
                        "bn1.num_batches_tracked",
                        "layer1.0.conv1.weight"),
                names.subList(0, 7));
        assertEquals(StoredDType.I64, file.tensor("bn1.num_batches_tracked").dtype());
        InitialWeights back = InitialWeights.of(RESNET, file, BE, DType.F32);
        for (int i = 0; i < w.params().size(); i++) {
            assertArrayEquals(
                    w.params().get(i).toDoubleArray(), back.params().get(i).toDoubleArray(), 0.0);
        }
        for (int i = 0; i < w.buffers().size(); i++) {
            assertArrayEquals(
                    w.buffers().get(i).toDoubleArray(), back.buffers().get(i).toDoubleArray(), 0.0);
        }
    }

    @Test
    void aMissingRunningStatisticIsRefused() {
        assertRefused(
                without("layer1.0.bn2.running_var"),
                "layer1.0.bn2.running_var",
                "missing tensor " + "'layer1.0.bn2.running_var' [4]");
    }

    @Test
    void aMissingParameterIsRefused() {
        assertRefused(without("fc.bias"), "fc.bias", "missing tensor 'fc.bias' [4]");
    }

    @Test
    void anExtraTensorIsRefused() {
        Map<String, StoredTensor> t = state();
        t.put("head.weight", new StoredTensor("head.weight", StoredDType.F32, new int[] {2}, new double[2]));
        assertRefused(t, "head.weight", "extra tensor 'head.weight' F32[2]");
    }

    @Test
    void aWrongShapeIsRefused() {
        Map<String, StoredTensor> t = state();
        t.put("fc.weight", new StoredTensor("fc.weight", StoredDType.F32, new int[] {10, 16}, new double[160]));
        assertRefused(t, "fc.weight", "tensor 'fc.weight' has shape [10, 16], the model needs [4, 16]");
    }

    @Test
    void anIntegerParameterIsRefused() {
        Map<String, StoredTensor> t = state();
        t.put("bn1.bias", new StoredTensor("bn1.bias", StoredDType.I64, new int[] {4}, new double[4]));
        assertRefused(t, "bn1.bias", "tensor 'bn1.bias' is I64, the model needs a floating-point type");
    }

    @Test
    void aCounterThatIsNoWholeNumberIsRefusedAndAMissingOneIsNot() {
        Map<String, StoredTensor> t = state();
        t.put(
                "bn1.num_batches_tracked",
                new StoredTensor("bn1.num_batches_tracked", StoredDType.F32, new int[] {2}, new double[2]));
        assertRefused(t, "bn1.num_batches_tracked", "must be one whole number >= 0, got F32[2]");
        InitialWeights.check(RESNET, new WeightFile(FILE, without("bn1.num_batches_tracked"), Map.of()));
    }

    @Test
    void aFileThatIsNoSafetensorsOrIsTruncatedNamesTheFile() {
        byte[] text = "name: not weights\nseeds: [1]\n".getBytes(StandardCharsets.UTF_8);
        WeightFileException notSt = assertThrows(WeightFileException.class, () -> SafetensorsReader.parse(FILE, text));
        assertTrue(notSt.getMessage().startsWith(FILE + ": truncated or not safetensors"), notSt.getMessage());
        byte[] whole = SafetensorsWriter.bytes(random(RESNET, 1).stateDict(RESNET), Map.of());
        byte[] cutHeader = java.util.Arrays.copyOf(whole, 40);
        WeightFileException header =
                assertThrows(WeightFileException.class, () -> SafetensorsReader.parse(FILE, cutHeader));
        assertTrue(header.getMessage().contains("header length"), header.getMessage());
        byte[] cutData = java.util.Arrays.copyOf(whole, whole.length - 4);
        WeightFileException data =
                assertThrows(WeightFileException.class, () -> SafetensorsReader.parse(FILE, cutData));
        assertTrue(data.getMessage().startsWith(FILE + ": tensor 'fc.bias': data_offsets"), data.getMessage());
    }

    private static void assertRefused(Map<String, StoredTensor> tensors, String tensor, String message) {
        WeightFileException e = assertThrows(
                WeightFileException.class,
                () -> InitialWeights.of(RESNET, new WeightFile(FILE, tensors, Map.of()), BE, DType.F32));
        assertEquals(tensor, e.tensor());
        assertTrue(e.getMessage().startsWith(FILE + ": tensor '" + tensor + "': does not fit model"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    private static Map<String, StoredTensor> state() {
        return new LinkedHashMap<>(TorchWeights.byName(random(RESNET, 3).stateDict(RESNET)));
    }

    private static Map<String, StoredTensor> without(String name) {
        Map<String, StoredTensor> t = state();
        assertTrue(t.remove(name) != null, name);
        return t;
    }

    /** Seeded parameters and running statistics that differ from PyTorch's defaults. */
    static InitialWeights random(Model model, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Tensor> buffers = new ArrayList<>();
        for (ParamShape b : model.bufferShapes()) {
            double[] v = new double[b.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.5 + rng.nextDouble();
            }
            buffers.add(BE.fromArray(v, DType.F32, b.shape()));
        }
        return new InitialWeights(model.initialParameters(BE, DType.F32, rng), buffers);
    }

    private static ParityFixture fixture(String name) {
        return ParityFixture.all().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
