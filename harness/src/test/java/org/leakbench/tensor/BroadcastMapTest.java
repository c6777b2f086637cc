package org.leakbench.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The [outer, mid, inner] view that lets per-channel broadcasts skip the index map. */
class BroadcastMapTest {
    @Test
    void perChannelShapesAreOneBlock() {
        assertArrayEquals(new int[] {2, 12, 49}, BroadcastMap.block(new int[] {12, 1, 1}, new int[] {2, 12, 7, 7}));
        assertArrayEquals(new int[] {2, 12, 49}, BroadcastMap.block(new int[] {1, 12, 1, 1}, new int[] {2, 12, 7, 7}));
        assertArrayEquals(new int[] {1, 4, 6}, BroadcastMap.block(new int[] {4, 1}, new int[] {4, 6}));
        assertArrayEquals(new int[] {5, 3, 1}, BroadcastMap.block(new int[] {3}, new int[] {5, 3}));
        assertArrayEquals(new int[] {2, 15, 1}, BroadcastMap.block(new int[] {5, 3}, new int[] {2, 5, 3}));
    }

    @Test
    void otherShapesAreNot() {
        assertNull(BroadcastMap.block(new int[] {2, 1, 3}, new int[] {2, 4, 3}), "two separate runs");
        assertNull(BroadcastMap.block(new int[] {1, 1}, new int[] {4, 6}), "a scalar");
        assertNull(BroadcastMap.block(new int[] {4, 1, 6}, new int[] {4, 6}), "higher rank than the result");
        assertNull(BroadcastMap.block(new int[] {3, 1, 2}, new int[] {3, 5, 2}), "a one inside the run");
    }
}
