package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogMathTest {
    /** Reference values of erfc from a correctly rounded libm (CPython's math.erfc). */
    private static final double[][] ERFC = {
        {-3, 1.9999779095030015},
        {-1, 1.842700792949715},
        {-0.3, 1.3286267594591274},
        {0, 1.0},
        {0.1, 0.8875370839817152},
        {0.5, 0.4795001221869535},
        {1, 0.15729920705028513},
        {1.5, 0.033894853524689274},
        {1.99, 0.004888586800383003},
        {2, 0.004677734981047265},
        {2.01, 0.004475150644751763},
        {3, 2.2090496998585438e-05},
        {5, 1.5374597944280351e-12},
        {10, 2.088487583762545e-45},
        {20, 5.3958656116079005e-176}
    };

    @Test
    void erfcMatchesReferenceToRelativeTenToTheMinusThirteen() {
        for (double[] row : ERFC) {
            assertEquals(row[1], LogMath.erfc(row[0]), 1e-13 * row[1], "erfc(" + row[0] + ")");
            assertEquals(
                    Math.log(row[1]),
                    LogMath.logErfc(row[0]),
                    1e-12 * Math.max(1, Math.abs(Math.log(row[1]))),
                    "logErfc(" + row[0] + ")");
        }
    }

    @Test
    void logErfcStaysFiniteWhereErfcUnderflows() {
        // erfc(40) ≈ e^{-1600}/(40 √π) underflows a double; its log is about −1600 − log(40 √π).
        double expected = -1600 - Math.log(40 * Math.sqrt(Math.PI));
        assertEquals(expected, LogMath.logErfc(40), 1e-3);
    }

    @Test
    void logAddAndSubAreInverse() {
        double a = Math.log(5);
        double b = Math.log(3);
        assertEquals(Math.log(8), LogMath.logAdd(a, b), 1e-15);
        assertEquals(Math.log(2), LogMath.logSub(a, b), 1e-15);
        assertEquals(a, LogMath.logAdd(a, Double.NEGATIVE_INFINITY));
    }
}
