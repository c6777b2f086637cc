package org.leakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class MetricTest {
    @Test
    void labelsCarryTheUnit() {
        assertEquals("PSNR of reconstruction (dB)", Metric.PSNR.label());
        assertEquals("upload per client and round (bytes)", Metric.BYTES_UP.label());
        assertEquals("SSIM of reconstruction", Metric.SSIM.label());
        assertEquals("dB", Metric.PSNR_CI_LOW.unit());
        assertEquals("test cross-entropy (nats)", Metric.TEST_LOSS.label());
    }

    @Test
    void directionSaysWhetherHigherIsMoreLeakage() {
        assertTrue(Metric.PSNR.higherIsMoreLeakage());
        assertTrue(Metric.MIA_AUC.higherIsMoreLeakage());
        assertTrue(Metric.EPSILON.higherIsMoreLeakage());
        assertFalse(Metric.MSE.higherIsMoreLeakage(), "a larger reconstruction error is less leakage");
        assertFalse(Metric.ACCURACY.higherIsMoreLeakage());
        assertEquals(Metric.Better.HIGHER, Metric.ACCURACY.better());
        assertEquals(Metric.Kind.COST, Metric.TIME_MS.kind());
        assertEquals(Metric.Better.LOWER, Metric.TEST_LOSS.better(), "a lower held-out loss is the better model");
        assertEquals(Metric.Better.LOWER, Metric.PERPLEXITY.better());
        assertEquals(Metric.Kind.UTILITY, Metric.PERPLEXITY.kind());
        assertFalse(Metric.PERPLEXITY.higherIsMoreLeakage());
    }

    @Test
    void columnsAreUniqueAndFoundByName() {
        assertEquals(Metric.values().length, new HashSet<>(Metric.columns()).size());
        for (Metric m : Metric.values()) {
            assertEquals(m, Metric.byColumn(m.column()).orElseThrow());
            assertFalse(m.label().isBlank(), m.column());
        }
        assertTrue(Metric.byColumn("psnrr").isEmpty());
    }
}
