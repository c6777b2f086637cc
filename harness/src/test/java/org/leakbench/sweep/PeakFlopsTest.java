package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeakFlopsTest {
    @Test
    void anAvx2CoreHasTwoFmaUnitsOfEightLanes() {
        PeakFlops p = PeakFlops.parse(
                "processor\t: 0\nmodel name\t: AMD EPYC\ncpu MHz\t\t: 2445.406\nflags\t\t: fpu sse2 avx fma avx2\n"
                        + "processor\t: 1\ncpu MHz\t\t: 1000.0\n",
                2);
        assertEquals(new PeakFlops(2, 2, 8, 2445.406), p);
        assertEquals(2 * 2 * 8 * 2 * 2.445406, p.gflops(), 1e-9);
        assertTrue(p.describe().startsWith("157 GFLOP/s float32, estimate"), p.describe());
    }

    @Test
    void avx512DoublesTheLanesAndOldCoresGetOneUnit() {
        assertEquals(
                16,
                PeakFlops.parse("cpu MHz : 3000\nflags : avx avx2 fma avx512f\n", 1)
                        .lanes());
        PeakFlops sse = PeakFlops.parse("cpu MHz : 3000\nflags : sse sse2\n", 4);
        assertEquals(4, sse.lanes());
        assertEquals(1, sse.fmaUnits());
    }

    @Test
    void noClockOrNoFlagsGivesNoEstimate() {
        assertNull(PeakFlops.parse("flags : avx2 fma\n", 2));
        assertNull(PeakFlops.parse("cpu MHz : 2000\n", 2));
        assertNull(PeakFlops.parse("cpu MHz : fast\nflags : avx\n", 2));
    }
}
