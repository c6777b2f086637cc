package org.leakbench.tensor.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.leakbench.tensor.ThreadsProperty;

/**
 * The threads one op of the pure-Java backend may split its work over: the calling thread plus
 * {@code threads − 1} daemon workers ({@link OpWorker}). One by default, because sweeps already run one point
 * per core; more pays for a single large job (one attack, or training on big batches) on an otherwise idle
 * machine.
 *
 * <p>Work is split into contiguous ranges of independent items (images of a batch, rows of a product,
 * entries of a filter gradient), so every value is computed by the same instructions in the same order
 * whatever the thread count: results are identical bit for bit with 1 or N threads. That also settles
 * concurrent callers: while one op holds the workers, an op from another thread simply runs alone.
 */
final class OpThreads {
    /** System property with the thread count of the default backend instance. */
    static final String PROPERTY = "leakbench.java.threads";
    /** The property's name from when the backend was called ejml, read when {@link #PROPERTY} is not set. */
    static final String FORMER_PROPERTY = "leakbench.ejml.threads";
    /** Below this many multiply-adds an op stays on the calling thread: sharing it out costs a few µs. */
    static final long MIN_PARALLEL_WORK = 1L << 20;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final long minParallelWork;
    private final OpWorker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();

    OpThreads(int threads) {
        this(threads, MIN_PARALLEL_WORK);
    }

    /** With a threshold of its own, so that tests can split small ops. */
    OpThreads(int threads, long minParallelWork) {
        if (threads < 1 || threads > ThreadsProperty.MAX) {
            throw new IllegalArgumentException(
                    "the java backend needs 1 to " + ThreadsProperty.MAX + " op threads, got " + threads);
        }
        this.threads = threads;
        this.minParallelWork = minParallelWork;
        this.workers = new OpWorker[threads - 1]; // started on first use
    }

    /**
     * The count asked for with {@link #PROPERTY} (or, when that is unset, {@link #FORMER_PROPERTY}): 1 when
     * neither is set, a clear error naming the property when not a count.
     */
    static int requested() {
        String p = System.getProperty(PROPERTY) == null && System.getProperty(FORMER_PROPERTY) != null
                ? FORMER_PROPERTY
                : PROPERTY;
        return ThreadsProperty.read(p);
    }

    int threads() {
        return threads;
    }

    /** Work on the items [from, to). */
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, items) in at most {@link #threads()} contiguous parts whose boundaries are
     * multiples of {@code grain} (so tiled kernels keep their tiles), on this thread alone when
     * {@code work} (multiply-adds, roughly) is too small to share or another op holds the workers. Returns
     * when every part has finished; the first failure is rethrown.
     */
    void split(int items, int grain, long work, Range body) {
        int chunks = (items + grain - 1) / grain;
        int parts = Math.min(threads, chunks);
        if (parts <= 1 || work < minParallelWork || !busy.compareAndSet(false, true)) {
            body.run(0, items);
            return;
        }
        try {
            OpWorker.Part[] posted = new OpWorker.Part[parts - 1];
            for (int p = 1; p < parts; p++) {
                posted[p - 1] = new OpWorker.Part(
                        body, boundary(p, parts, chunks, grain, items), boundary(p + 1, parts, chunks, grain, items));
                worker(p - 1).post(posted[p - 1]);
            }
            Throwable failure = null;
            try {
                body.run(0, boundary(1, parts, chunks, grain, items));
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            for (OpWorker.Part part : posted) { // the workers write into the caller's buffers: wait for all
                part.finish();
                failure = failure != null ? failure : part.failure;
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            busy.set(false);
        }
    }

    private OpWorker worker(int i) {
        if (workers[i] == null) { // only the holder of busy gets here
            workers[i] = new OpWorker("leakbench-java-op-" + POOLS.incrementAndGet());
        }
        return workers[i];
    }

    /** Start of part p of parts: whole grains shared out as evenly as they go, the last part ending at items. */
    private static int boundary(int p, int parts, int chunks, int grain, int items) {
        return p >= parts ? items : Math.min(items, (int) ((long) chunks * p / parts) * grain);
    }
}
