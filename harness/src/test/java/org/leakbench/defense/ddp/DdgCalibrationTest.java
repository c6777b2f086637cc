package org.leakbench.defense.ddp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DdgCalibrationTest {
    private static DdgCalibration.Target target(double eps, int bits, double gamma, int clients, int length) {
        return new DdgCalibration.Target(eps, 1e-5, 100, 1.0, bits, gamma, Math.exp(-0.5), 4, clients, length);
    }

    @Test
    void reachesTheTargetEpsilonAndKeepsKStddevsInRange() {
        for (double eps : new double[] {1, 10, 100}) {
            DdgParameters p = DdgCalibration.calibrate(target(eps, 16, 0, 10, 5000));
            double got = DdgAccountant.epsilon(p, 1.0, 100, 1e-5);
            assertTrue(got <= eps && got > eps * (1 - 1e-6), "epsilon " + got + " for target " + eps);
            assertEquals(4, p.headroomStddevs(), 1e-6, "gamma derived so that k = 4 fits exactly");
        }
    }

    @Test
    void moreBitsGiveAFinerGridAndLessRoundingCost() {
        DdgParameters b12 = DdgCalibration.calibrate(target(10, 12, 0, 10, 5000));
        DdgParameters b20 = DdgCalibration.calibrate(target(10, 20, 0, 10, 5000));
        assertTrue(b20.gamma() < b12.gamma() / 100);
        // less rounding inflation: less noise for the same ε
        assertTrue(b20.localStddev() < b12.localStddev());
    }

    @Test
    void refusesTooFewBitsAndAGridTooFine() {
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> target(10, 4, 0, 100, 5000));
        assertEquals(
                "ddp: bits = 4 is too small for 100 clients at k = 4.0 standard deviations: their rounding "
                        + "alone needs 2^(2b) > n k^2, so at least 6 bits",
                few.getMessage());
        IllegalArgumentException fine = assertThrows(
                IllegalArgumentException.class, () -> DdgCalibration.calibrate(target(10, 8, 1e-6, 10, 5000)));
        assertTrue(fine.getMessage().startsWith("ddp: gamma = 1.0E-6 keeps only "), fine.getMessage());
    }
}
