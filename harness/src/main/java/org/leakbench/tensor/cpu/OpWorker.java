package org.leakbench.tensor.cpu;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread of {@link OpThreads}. Ops of a training or attack step follow each other within
 * microseconds, while waking a parked thread takes tens of them on a virtual machine; so a worker spins for
 * a short while after each part before it parks, and a caller spins while it waits for a part to finish.
 */
final class OpWorker implements Runnable {
    /** How long an idle worker keeps spinning before it parks. */
    private static final long SPIN_NANOS = 200_000;

    /**
     * One part of one op. Whoever claims it first runs it: the worker, or the caller once its own part is
     * done. On a loaded machine a worker may not get a core for milliseconds; the caller then takes the part
     * back instead of waiting, so an op is never much slower than on one thread.
     */
    static final class Part {
        final OpThreads.Range body;
        final int from;
        final int to;
        private final AtomicBoolean claimed = new AtomicBoolean();
        volatile boolean done;
        Throwable failure;

        Part(OpThreads.Range body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        /** Runs the part unless someone else has claimed it; true if this thread ran it. */
        boolean runIfUnclaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            try {
                body.run(from, to);
            } catch (Throwable t) {
                failure = t;
            }
            done = true; // volatile write: publishes the part's results and its failure
            return true;
        }

        /** Runs the part here if the worker has not started it, else waits: spins, then parks in short naps. */
        void finish() {
            if (runIfUnclaimed()) {
                return;
            }
            long start = System.nanoTime();
            int spins = 0;
            while (!done) {
                if (++spins < 1 << 16 || System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(20_000);
                }
            }
        }
    }

    private final Thread thread;
    private final AtomicReference<Part> next = new AtomicReference<>();

    OpWorker(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true); // never keeps the JVM alive
        thread.start();
    }

    /** Hands the worker a part; the caller must not post another before this one is done. */
    void post(Part part) {
        next.set(part);
        LockSupport.unpark(thread); // cheap when the worker is still spinning; a spare permit is harmless
    }

    @Override
    public void run() {
        while (true) {
            take().runIfUnclaimed();
        }
    }

    private Part take() {
        long start = System.nanoTime();
        int spins = 0;
        while (true) {
            Part p = next.getAndSet(null);
            if (p != null) {
                return p;
            }
            if ((++spins & 63) != 0 || System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }
}
