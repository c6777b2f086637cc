package org.leakbench.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples heap use (and JavaCPP's off-heap total, which covers ND4J buffers) every few milliseconds and keeps the
 * peak seen during each running point. The heap is shared, so with several threads a point's peak is the
 * process's peak while that point ran: an upper bound on what the point itself needed.
 */
final class MemorySampler implements AutoCloseable {
    private static final double MB = 1024.0 * 1024.0;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<Probe> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> sampling;
    private volatile boolean offHeapAvailable = true;

    MemorySampler(long periodMillis) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leakbench-memory-sampler");
            t.setDaemon(true);
            return t;
        });
        sampling = timer.scheduleAtFixedRate(this::sample, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts tracking one point. */
    Probe start() {
        Probe p = new Probe();
        p.record(memory.getHeapMemoryUsage().getUsed(), offHeapBytes());
        active.add(p);
        return p;
    }

    private void sample() {
        if (active.isEmpty()) {
            return;
        }
        long heap = memory.getHeapMemoryUsage().getUsed();
        long off = offHeapBytes();
        for (Probe p : active) {
            p.record(heap, off);
        }
    }

    private long offHeapBytes() {
        if (!offHeapAvailable) {
            return -1;
        }
        try {
            return org.bytedeco.javacpp.Pointer.totalBytes();
        } catch (LinkageError e) {
            offHeapAvailable = false; // JavaCPP absent: leave the column empty
            return -1;
        }
    }

    @Override
    public void close() {
        sampling.cancel(false);
        timer.shutdownNow();
    }

    /** The peaks of one point. */
    final class Probe {
        private final AtomicLong heapPeak = new AtomicLong();
        private final AtomicLong offHeapPeak = new AtomicLong(-1);

        void record(long heap, long offHeap) {
            heapPeak.accumulateAndGet(heap, Math::max);
            offHeapPeak.accumulateAndGet(offHeap, Math::max);
        }

        /** Stops tracking; takes a last sample. */
        void stop() {
            record(memory.getHeapMemoryUsage().getUsed(), offHeapBytes());
            active.remove(this);
        }

        double heapPeakMb() {
            return Math.round(heapPeak.get() / MB * 10) / 10.0;
        }

        /** Peak off-heap MB, or null when unknown. */
        Double offHeapPeakMb() {
            long b = offHeapPeak.get();
            return b < 0 ? null : Math.round(b / MB * 10) / 10.0;
        }
    }
}
