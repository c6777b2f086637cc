package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StandardizerTest {
    @Test
    void fitsPopulationMeanAndStd() {
        Standardizer s = Standardizer.fit(new float[][] {{1, 5}, {3, 5}});
        assertArrayEquals(new float[] {2, 5}, s.mean());
        assertArrayEquals(new float[] {1, 0}, s.std());
        // the constant second feature is only centred
        assertArrayEquals(new float[][] {{-1, 0}, {1, 0}}, s.transform(new float[][] {{1, 5}, {3, 5}}));
        assertArrayEquals(new float[][] {{3, 2}}, s.transform(new float[][] {{5, 7}}));
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(new float[0][]));
        Standardizer s = Standardizer.fit(new float[][] {{1, 2}});
        assertThrows(IllegalArgumentException.class, () -> s.transform(new float[][] {{1}}));
    }
}
