package org.leakbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Tensor;

/**
 * The larger victims of the model benchmarks: the shapes of their batches and their parameter counts, which must
 * equal those of the PyTorch reference's models (benchmarks/scripts/torch_reference.py prints them in its
 * {@code params} column) for the two columns to time the same network.
 */
class WorkloadTest {
    @Test
    void resnet20HasTheReferenceParameterCountAndCifarImages() {
        Workload w = Workload.of("java", "resnet20", 2);
        assertEquals(272_474, w.model.parameterCount());
        assertEquals(ModelSpec.RESNET, w.model.spec().family());
        assertArrayEquals(new int[] {2, 3, 32, 32}, w.x.shape());
        assertEquals(2, w.labels.length);
        assertTrue(w.x.toDoubleArray()[0] >= 0 && w.x.toDoubleArray()[0] < 1);
    }

    @Test
    void resnet20OfWidthFourHasTheReferenceParameterCount() {
        Workload w = Workload.of("java", "resnet20w4", 1);
        assertEquals(4_327_754, w.model.parameterCount());
        assertEquals(4_327_754, w.params.stream().mapToLong(Tensor::size).sum());
        // The stem and the last stage have 64 and 256 channels: the classifier reads 256 pooled features.
        List<Tensor> p = w.params;
        assertArrayEquals(new int[] {64, 3, 3, 3}, p.get(0).shape());
        assertArrayEquals(new int[] {10, 256}, p.get(p.size() - 2).shape());
    }

    @Test
    void transformerHasTheReferenceParameterCountAndTokenWindows() {
        Workload w = Workload.of("java", "transformer", 3);
        assertEquals(114_528, w.model.parameterCount());
        assertArrayEquals(new int[] {3, 32}, w.x.shape());
        assertArrayEquals(new int[] {32, 96}, w.model.attackInputShape());
        for (double id : w.x.toDoubleArray()) {
            assertTrue(id >= 0 && id < 96 && id == Math.rint(id), "token id " + id);
        }
        for (int label : w.labels) {
            assertTrue(label >= 0 && label < 96, "label " + label);
        }
        assertEquals(114_528, Workload.of("java", "transformer64", 1).model.parameterCount());
    }

    @Test
    void theObservedGradientHasTheShapeOfEveryParameter() {
        Workload w = Workload.of("java", "transformer", 2);
        List<Tensor> g = w.observation().update();
        for (int i = 0; i < g.size(); i++) {
            assertArrayEquals(w.params.get(i).shape(), g.get(i).shape(), "parameter " + i);
        }
    }

    @Test
    void resnetDepthsOtherThanSixNPlusTwoAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Workload.spec("resnet21"));
        assertTrue(e.getMessage().startsWith("unknown benchmark model 'resnet21'"), e.getMessage());
    }
}
