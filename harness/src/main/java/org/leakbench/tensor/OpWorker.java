package org.leakbench.tensor;

import java.util.concurrent.locks.LockSupport;

/**
 * One helper thread of {@link OpThreads}. Ops of a training or attack step follow each other within
 * microseconds, while waking a parked thread takes tens of them on a virtual machine; so a worker spins for
 * a short while after each part before it parks, and a caller spins while it waits for a part to finish.
 */
final class OpWorker implements Runnable {
    /** How long an idle worker keeps spinning before it parks. */
    private static final long SPIN_NANOS = 200_000;

    /** One part of one op. */
    static final class Part {
        final OpThreads.Range body;
        final int from;
        final int to;
        volatile boolean done;
        Throwable failure;

        Part(OpThreads.Range body, int from, int to) {
            this.body = body;
            this.from = from;
            this.to = to;
        }

        /** Spins, then parks in short naps, until the worker has finished this part. */
        void await() {
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
    private volatile Part next;

    OpWorker(String name) {
        thread = new Thread(this, name);
        thread.setDaemon(true); // never keeps the JVM alive
        thread.start();
    }

    /** Hands the worker a part; the caller must not post another before this one is done. */
    void post(Part part) {
        next = part;
        LockSupport.unpark(thread); // cheap when the worker is still spinning; a spare permit is harmless
    }

    @Override
    public void run() {
        while (true) {
            Part p = take();
            try {
                p.body.run(p.from, p.to);
            } catch (Throwable t) {
                p.failure = t;
            }
            p.done = true; // volatile write: publishes the part's results and its failure
        }
    }

    private Part take() {
        long start = System.nanoTime();
        int spins = 0;
        while (true) {
            Part p = next;
            if (p != null) {
                next = null;
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
