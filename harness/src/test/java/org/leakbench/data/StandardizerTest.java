package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void fitsOnTheChosenRowsOnly() {
        float[][] rows = {{1, 10}, {100, -4}, {3, 20}};
        Standardizer members = Standardizer.fit(rows, new int[] {0, 2});
        assertArrayEquals(new float[] {2, 15}, members.mean(), "row 1 is held out and must not move the mean");
        assertArrayEquals(new float[] {1, 5}, members.std());
        assertArrayEquals(Standardizer.fit(new float[][] {{1, 10}, {3, 20}}).mean(), members.mean());
        assertArrayEquals(new float[] {98, -3.8f}, members.transform(rows)[1]);
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(new float[0][]));
        Standardizer s = Standardizer.fit(new float[][] {{1, 2}});
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.transform(new float[][] {{1, 2}, {1}}));
        assertEquals("standardize: row 1 has 1 features, expected 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Standardizer.fit(new float[][] {{1, 2}}, new int[0]));
    }
}
