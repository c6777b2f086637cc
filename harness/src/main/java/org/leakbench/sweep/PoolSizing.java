package org.leakbench.sweep;

import org.leakbench.tensor.cpu.JavaBackend;

/**
 * The default number of points a sweep runs at once: as many as the cores allow once each point's own op
 * threads are counted (either backend may split one op over several threads), and no more than the heap holds when each
 * point is given {@link #POINT_HEAP_BYTES}. {@code --threads} overrides it.
 */
public final class PoolSizing {
    /**
     * Heap set aside per point in flight. The quick preset's points peak at about 300 MB of heap each (the
     * {@code peak_heap_mb} column); a gigabyte leaves room for the paper preset's larger batches.
     */
    public static final long POINT_HEAP_BYTES = 1L << 30;
    /** The system property that sets ND4J's threads per op (read by the ND4J backend as well). */
    static final String ND4J_THREADS_PROPERTY = "leakbench.nd4j.threads";

    private PoolSizing() {}

    /**
     * Points to run at once: the fewer of what the cores and what the heap allow, at least 1.
     *
     * @param cores     available processors, at least 1
     * @param maxHeap   the JVM's maximum heap in bytes
     * @param opThreads threads one op of the backend uses, at least 1
     */
    public static int threads(int cores, long maxHeap, int opThreads) {
        if (cores < 1 || opThreads < 1) {
            throw new IllegalArgumentException(
                    "cores and op threads must be at least 1, got " + cores + " and " + opThreads);
        }
        int byCores = Math.max(1, cores / opThreads);
        int byHeap = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxHeap / POINT_HEAP_BYTES));
        return Math.min(byCores, byHeap);
    }

    /** Threads per op of the named backend on this JVM, as configured for it (1 by default). */
    public static int opThreads(String backend) {
        if (!"nd4j".equals(backend)) {
            try {
                return JavaBackend.requestedThreads();
            } catch (IllegalArgumentException e) {
                return 1; // the backend reports the bad value itself when it is asked for
            }
        }
        String v = System.getProperty(ND4J_THREADS_PROPERTY);
        if (v == null || v.isBlank()) {
            return 1; // the ND4J backend's own default
        }
        try {
            return Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 1; // the backend reports the bad value itself when it starts
        }
    }

    /** The default for this JVM and backend. */
    public static int forThisMachine(String backend) {
        Runtime rt = Runtime.getRuntime();
        return threads(rt.availableProcessors(), rt.maxMemory(), opThreads(backend));
    }

    /** One line for the log: how the pool was sized. */
    public static String describe(int threads, String backend) {
        Runtime rt = Runtime.getRuntime();
        return threads + " point" + (threads == 1 ? "" : "s") + " at once (" + rt.availableProcessors() + " cores, "
                + opThreads(backend) + " op thread" + (opThreads(backend) == 1 ? "" : "s") + " each, heap "
                + rt.maxMemory() / (1 << 20) + " MB at " + POINT_HEAP_BYTES / (1 << 20) + " MB a point)";
    }
}
