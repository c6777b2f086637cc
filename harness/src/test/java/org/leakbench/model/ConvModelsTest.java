package org.leakbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.autodiff.Var;
import org.leakbench.component.ParameterView;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** Architecture facts of the convolutional victims: sizes, PyTorch names and layouts, initialisation, refusals. */
class ConvModelsTest {
    private static final int[] CIFAR = {3, 32, 32};

    static Model resnet(int depth, double width, String shortcut, int[] input) {
        return Models.build(new ModelSpec(
                ModelSpec.RESNET, input, 10, width, depth, Activation.RELU, Map.of(ModelSpec.SHORTCUT, shortcut)));
    }

    static ParamShape named(Model m, String name) {
        return m.parameterShapes().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(m.spec().label() + " has no parameter " + name));
    }

    /**
     * Counted layer by layer for PyTorch's modules. ResNet-20/32/56 with zero-padding shortcuts: 269,722,
     * 464,154 and 853,018, the "0.27M, 0.46M, 0.85M" of He et al. (2016), table 6; projections add a 1x1
     * convolution and a BatchNorm at the two stage transitions, 2,752 parameters at width 1. ResNet-18 for
     * CIFAR: torchvision's 11,689,512 minus the 1000-class head (513,000) plus a 10-class one (5,130), with the
     * 7x7 stem (9,408) replaced by a 3x3 one (1,728). ConvNet at base width 64: eight convolutions with biases,
     * eight BatchNorms and Linear(2304, 10).
     */
    @Test
    void parameterCountsAreThePublishedOnes() {
        assertEquals(272_474, resnet(20, 1, "projection", CIFAR).parameterCount());
        assertEquals(269_722, resnet(20, 1, "padding", CIFAR).parameterCount());
        assertEquals(464_154, resnet(32, 1, "padding", CIFAR).parameterCount());
        assertEquals(853_018, resnet(56, 1, "padding", CIFAR).parameterCount());
        assertEquals(
                11_173_962,
                Models.build(new ModelSpec(ModelSpec.RESNET18, CIFAR, 10, 1, 18, Activation.RELU))
                        .parameterCount());
        assertEquals(
                2_904_970,
                Models.build(new ModelSpec(ModelSpec.CONVNET, CIFAR, 10, 1, 8, Activation.RELU))
                        .parameterCount());
    }

    @Test
    void namesAndLayoutsAreThoseOfPyTorchStateDicts() {
        Model m = resnet(20, 1, "projection", CIFAR);
        List<String> names = m.parameterShapes().stream().map(ParamShape::name).toList();
        assertEquals(
                List.of("conv1.weight", "bn1.weight", "bn1.bias", "layer1.0.conv1.weight", "layer1.0.bn1.weight"),
                names.subList(0, 5));
        assertEquals(List.of("fc.weight", "fc.bias"), names.subList(names.size() - 2, names.size()));
        assertArrayEquals(new int[] {16, 3, 3, 3}, named(m, "conv1.weight").shape());
        assertArrayEquals(
                new int[] {32, 16, 1, 1},
                named(m, "layer2.0.downsample.0.weight").shape());
        assertArrayEquals(new int[] {64}, named(m, "layer3.0.downsample.1.bias").shape());
        assertArrayEquals(new int[] {10, 64}, named(m, "fc.weight").shape());
        assertFalse(names.contains("layer2.1.downsample.0.weight"));
        assertEquals(
                List.of("bn1.running_mean", "bn1.running_var", "layer1.0.bn1.running_mean"),
                m.bufferShapes().stream().map(ParamShape::name).toList().subList(0, 3));
        assertTrue(resnet(20, 1, "padding", CIFAR).parameterShapes().stream()
                .noneMatch(p -> p.name().contains("downsample")));

        Model r18 = Models.build(new ModelSpec(ModelSpec.RESNET18, CIFAR, 10, 1, 18, Activation.RELU));
        assertArrayEquals(new int[] {64, 3, 3, 3}, named(r18, "conv1.weight").shape());
        assertArrayEquals(
                new int[] {512, 256, 1, 1},
                named(r18, "layer4.0.downsample.0.weight").shape());
        assertArrayEquals(
                new int[] {512, 512, 3, 3}, named(r18, "layer4.1.conv2.weight").shape());

        Model conv = Models.build(new ModelSpec(ModelSpec.CONVNET, CIFAR, 10, 1, 8, Activation.RELU));
        assertEquals(
                List.of("model.conv0.weight", "model.conv0.bias", "model.bn0.weight", "model.bn0.bias"),
                conv.parameterShapes().stream().map(ParamShape::name).toList().subList(0, 4));
        assertArrayEquals(
                new int[] {256, 256, 3, 3}, named(conv, "model.conv7.weight").shape());
        assertArrayEquals(
                new int[] {10, 2304}, named(conv, "model.linear.weight").shape());
        assertEquals("model.bn7.running_var", conv.bufferShapes().get(15).name());
    }

    @Test
    void widthScalesChannelsRoundedAndAtLeastOne() {
        Model half = resnet(20, 0.5, "projection", CIFAR);
        assertArrayEquals(new int[] {8, 3, 3, 3}, named(half, "conv1.weight").shape());
        assertArrayEquals(new int[] {10, 32}, named(half, "fc.weight").shape());
        Model thin = resnet(20, 0.01, "padding", CIFAR);
        assertArrayEquals(
                new int[] {4, 4, 3, 3}, named(thin, "layer3.2.conv2.weight").shape());
        Model odd = resnet(20, 0.3, "projection", CIFAR); // 16 x 0.3 rounds to 5; the stages have 10 and 20
        assertArrayEquals(
                new int[] {20, 10, 3, 3}, named(odd, "layer3.0.conv1.weight").shape());
        Model conv = Models.build(new ModelSpec(ModelSpec.CONVNET, CIFAR, 10, 0.5, 8, Activation.RELU));
        assertArrayEquals(
                new int[] {32, 3, 3, 3}, named(conv, "model.conv0.weight").shape());
    }

    @Test
    void groupNormReplacesEveryBatchNormUnderTheSameNames() {
        ModelSpec batch = new ModelSpec(ModelSpec.RESNET18, CIFAR, 10, 0.25, 18, Activation.RELU);
        Model b = Models.build(batch);
        Model g = Models.build(batch.withOption(ModelSpec.NORM, "group"));
        assertEquals(
                b.parameterShapes().stream().map(ParamShape::name).toList(),
                g.parameterShapes().stream().map(ParamShape::name).toList());
        assertTrue(g.bufferShapes().isEmpty());
        assertEquals(32, ConvLayers.groupsFor(64));
        assertEquals(16, ConvLayers.groupsFor(16));
        assertEquals(24, ConvLayers.groupsFor(48));
        assertEquals(20, ConvLayers.groupsFor(40));
        assertEquals(1, ConvLayers.groupsFor(1));
    }

    @Test
    void initialisationFollowsTorchvision() {
        Backend be = Backends.get("java");
        Model m = resnet(20, 1, "projection", CIFAR);
        List<Tensor> p = m.initialParameters(be, DType.F64, new SplittableRandom(1));
        double[] w = p.get(m.parameterShapes().indexOf(named(m, "layer3.1.conv1.weight")))
                .toDoubleArray();
        double sq = 0;
        for (double v : w) {
            sq += v * v;
        }
        assertEquals(Math.sqrt(2.0 / (64 * 9)), Math.sqrt(sq / w.length), 0.02 * Math.sqrt(2.0 / (64 * 9)));
        double[] fc = p.get(m.parameterShapes().indexOf(named(m, "fc.weight"))).toDoubleArray();
        for (double v : fc) {
            assertTrue(Math.abs(v) <= 1 / Math.sqrt(64));
        }
        assertArrayEquals(new double[] {1, 1}, java.util.Arrays.copyOf(p.get(1).toDoubleArray(), 2));
        assertArrayEquals(new double[16], p.get(2).toDoubleArray());
        assertArrayEquals(
                p.get(0).toDoubleArray(),
                m.initialParameters(be, DType.F64, new SplittableRandom(1))
                        .get(0)
                        .toDoubleArray());
    }

    /** Option A: every second pixel of each input channel, in the middle of twice as many output channels. */
    @Test
    void paddingShortcutSubsamplesAndZeroPadsChannels() {
        Backend be = Backends.get("java");
        List<ParamShape> shapes = new ArrayList<>();
        ConvLayers layers = new ConvLayers(shapes, false);
        BasicBlock block = new BasicBlock(layers, "layer2.0", 2, 4, 2, true);
        List<Var> params = new ArrayList<>();
        for (ParamShape s : shapes) { // zero convolutions: the block returns relu(shortcut(x))
            params.add(Var.constant(be.zeros(DType.F64, s.shape())));
        }
        double[] x = new double[2 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        double[] out = block.apply(
                        Var.constant(be.fromArray(x, DType.F64, 1, 2, 4, 4)), params, ForwardState.batchStatistics())
                .value()
                .toDoubleArray();
        assertArrayEquals(
                new double[] {0, 0, 0, 0, 1, 3, 9, 11, 17, 19, 25, 27, 0, 0, 0, 0}, out, 0, "channels 1 and 2");
    }

    @Test
    void tooSmallImagesAreRefusedNamingModelAndShape() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> resnet(20, 1, "projection", new int[] {1, 7, 28}));
        assertTrue(e.getMessage().contains("resnet20") && e.getMessage().contains("[1, 7, 28]"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Models.build(new ModelSpec(ModelSpec.RESNET18, new int[] {3, 8, 8}, 10, 1, 18, Activation.RELU)));
        assertTrue(e.getMessage().contains("resnet18") && e.getMessage().contains("[3, 8, 8]"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Models.build(new ModelSpec(ModelSpec.CONVNET, new int[] {3, 8, 9}, 10, 1, 8, Activation.RELU)));
        assertTrue(e.getMessage().contains("convnet") && e.getMessage().contains("[3, 8, 9]"), e.getMessage());
        // Fashion-MNIST's 1x28x28 fits all three
        assertEquals(
                1,
                named(resnet(20, 1, "projection", new int[] {1, 28, 28}), "conv1.weight")
                        .shape()[1]);
    }

    @Test
    void dpSgdRefusesBatchNormAndPointsToGroupNorm() {
        Backend be = Backends.get("java");
        ModelSpec spec = ConvModelContractTest.tinyResNet("batch", "projection");
        Model m = Models.build(spec);
        List<Tensor> p = m.initialParameters(be, DType.F64, new SplittableRandom(2));
        Tensor x = be.zeros(DType.F64, 2, 3, 8, 8);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PerExampleGradients.clippedSum(m, p, x, new int[] {0, 1}, 1.0));
        assertTrue(e.getMessage().contains("model.norm=group") && e.getMessage().contains("BatchNorm"), e.getMessage());
    }

    @Test
    void componentsBuildTheirFamilyDepthAndOptions() {
        ParameterView p = name -> switch (name) {
            case "model.width" -> 0.5;
            case "model.norm" -> "group";
            case "model.shortcut" -> "padding";
            default -> throw new IllegalArgumentException(name);
        };
        int[] fashion = {1, 28, 28};
        ModelSpec r32 = new ConvModelComponents.ResNet32Model().spec(p, fashion, 10);
        assertEquals(ModelSpec.RESNET, r32.family());
        assertEquals(32, r32.depth());
        assertEquals(0.5, r32.width());
        assertEquals(Map.of("norm", "group", "shortcut", "padding"), r32.options());
        assertEquals(
                56, new ConvModelComponents.ResNet56Model().spec(p, fashion, 10).depth());
        assertEquals(
                20, new ConvModelComponents.ResNet20Model().spec(p, fashion, 10).depth());
        ModelSpec r18 = new ConvModelComponents.ResNet18Model().spec(p, fashion, 10);
        assertEquals(ModelSpec.RESNET18, r18.family());
        assertTrue(Models.build(r18).bufferShapes().isEmpty());
        ModelSpec conv = new ConvModelComponents.ConvNetModel().spec(p, fashion, 10);
        assertEquals(Map.of("norm", "group"), conv.options());
        assertArrayEquals(
                new int[] {10, 128 * 9},
                named(Models.build(conv), "model.linear.weight").shape());
    }
}
