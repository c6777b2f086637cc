package org.leakbench.tensor.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** How an op's work is shared out: every item once, in whole grains, failures passed on, small work kept. */
class OpThreadsTest {
    @Test
    void everyItemRunsOnceInContiguousPartsOfWholeGrains() {
        for (int threads : new int[] {1, 2, 3, 5}) {
            OpThreads pool = new OpThreads(threads, 0);
            for (int items : new int[] {0, 1, 3, 4, 7, 8, 25, 100, 301}) {
                for (int grain : new int[] {1, 4, 8}) {
                    List<int[]> parts = Collections.synchronizedList(new ArrayList<>());
                    pool.split(items, grain, Long.MAX_VALUE, (from, to) -> parts.add(new int[] {from, to}));
                    parts.sort((a, b) -> Integer.compare(a[0], b[0]));
                    String where = threads + " threads, " + items + " items, grain " + grain;
                    int next = 0;
                    for (int[] p : parts) {
                        assertEquals(next, p[0], where);
                        assertTrue(p[1] > p[0] || items == 0, where);
                        assertTrue(p[0] % grain == 0, where + ": part starts inside a grain at " + p[0]);
                        next = p[1];
                    }
                    assertEquals(items, next, where);
                    assertTrue(parts.size() <= threads, where);
                }
            }
        }
    }

    @Test
    void workBelowTheThresholdStaysOnTheCallingThread() {
        OpThreads pool = new OpThreads(2, 1000);
        Set<Thread> seen = Collections.synchronizedSet(new HashSet<>());
        pool.split(64, 1, 999, (from, to) -> seen.add(Thread.currentThread()));
        assertEquals(Set.of(Thread.currentThread()), seen);
        CountDownLatch workerStarted = new CountDownLatch(1);
        pool.split(64, 1, 1000, (from, to) -> {
            seen.add(Thread.currentThread());
            if (from > 0) {
                workerStarted.countDown();
            } else {
                awaitQuietly(workerStarted); // else the caller may take the worker's part back itself
            }
        });
        assertEquals(2, seen.size(), "work at the threshold is shared out");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aPartRunsOnceWhoeverClaimsItFirst() {
        int[] runs = new int[1];
        OpWorker.Part part = new OpWorker.Part((from, to) -> runs[0] += to - from, 3, 8);
        assertTrue(part.runIfUnclaimed());
        assertTrue(!part.runIfUnclaimed(), "a claimed part is not run again");
        part.finish(); // already done: returns at once
        assertEquals(5, runs[0]);
        assertTrue(part.done);
    }

    @Test
    void aFailureInAnyPartReachesTheCaller() {
        OpThreads pool = new OpThreads(2, 0);
        IllegalStateException inWorker = new IllegalStateException("worker part");
        assertSame(inWorker, thrownBySplit(pool, from -> from > 0, inWorker));
        IllegalStateException inCaller = new IllegalStateException("caller part");
        assertSame(inCaller, thrownBySplit(pool, from -> from == 0, inCaller));
        int[] total = new int[1];
        pool.split(10, 1, 1, (from, to) -> {
            synchronized (total) {
                total[0] += to - from;
            }
        });
        assertEquals(10, total[0], "the pool still works after failures");
    }

    /** What splitting 10 items over {@code pool} throws when each part starting where {@code fails} holds throws. */
    private static IllegalStateException thrownBySplit(
            OpThreads pool, IntPredicate fails, IllegalStateException failure) {
        return assertThrows(
                IllegalStateException.class,
                () -> pool.split(10, 1, 1, (from, to) -> {
                    if (fails.test(from)) {
                        throw failure;
                    }
                }));
    }

    @Test
    void badThreadCountsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JavaBackend(0))
                .getMessage()
                .contains("1 to 1024 op threads, got 0"));
        String old = System.getProperty(OpThreads.PROPERTY);
        try {
            System.setProperty(OpThreads.PROPERTY, "two");
            String m = assertThrows(IllegalArgumentException.class, OpThreads::requested)
                    .getMessage();
            assertTrue(m.contains(OpThreads.PROPERTY) && m.contains("'two'"), m);
            System.setProperty(OpThreads.PROPERTY, " 3 ");
            assertEquals(3, OpThreads.requested());
            System.clearProperty(OpThreads.PROPERTY);
            assertEquals(1, OpThreads.requested());
        } finally {
            if (old == null) {
                System.clearProperty(OpThreads.PROPERTY);
            } else {
                System.setProperty(OpThreads.PROPERTY, old);
            }
        }
    }

    /** Scripts from when the backend was called ejml set leakbench.ejml.threads; the new name wins over it. */
    @Test
    void theFormerPropertyStillSetsTheThreads() {
        String old = System.getProperty(OpThreads.PROPERTY);
        String former = System.getProperty(OpThreads.FORMER_PROPERTY);
        try {
            System.clearProperty(OpThreads.PROPERTY);
            System.setProperty(OpThreads.FORMER_PROPERTY, "2");
            assertEquals(2, OpThreads.requested());
            System.setProperty(OpThreads.FORMER_PROPERTY, "zero");
            String m = assertThrows(IllegalArgumentException.class, OpThreads::requested)
                    .getMessage();
            assertTrue(m.contains(OpThreads.FORMER_PROPERTY), m);
            System.setProperty(OpThreads.PROPERTY, "3");
            assertEquals(3, OpThreads.requested());
        } finally {
            restore(OpThreads.PROPERTY, old);
            restore(OpThreads.FORMER_PROPERTY, former);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
