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
