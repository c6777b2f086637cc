package org.leakbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.tensor.cpu.JavaBackend;

class PoolSizingTest {
    private static final long GB = 1L << 30;

    @Test
    void coresAreSharedByEachPointsOpThreads() {
        assertEquals(8, PoolSizing.threads(8, 64 * GB, 1));
        assertEquals(2, PoolSizing.threads(8, 64 * GB, 4));
        assertEquals(1, PoolSizing.threads(2, 64 * GB, 4), "never fewer than one point");
    }

    @Test
    void theHeapCapsThePool() {
        assertEquals(4, PoolSizing.threads(16, 4 * GB, 1));
        assertEquals(1, PoolSizing.threads(16, GB / 2, 1), "a small heap still runs one point");
    }

    @Test
    void badCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PoolSizing.threads(0, GB, 1));
        assertThrows(IllegalArgumentException.class, () -> PoolSizing.threads(2, GB, 0));
    }

    @Test
    void thisMachineGetsAtLeastOnePointAndTheLineSaysWhy() {
        int n = PoolSizing.forThisMachine("ejml");
        assertTrue(n >= 1 && n <= Runtime.getRuntime().availableProcessors());
        assertTrue(PoolSizing.describe(n, "ejml").contains("cores"));
        assertEquals(1, PoolSizing.opThreads("ejml"));
    }

    @Test
    void theJavaBackendsOpThreadsCountLikeNd4js() {
        try {
            System.setProperty(JavaBackend.THREADS_PROPERTY, "2");
            assertEquals(2, PoolSizing.opThreads("ejml"));
            assertEquals(1, PoolSizing.threads(2, 8 * GB, PoolSizing.opThreads("ejml")));
        } finally {
            System.clearProperty(JavaBackend.THREADS_PROPERTY);
        }
    }
}
