package org.leakbench.sweep;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/** What the runner gives an executor for one point. */
public interface PointContext {
    /** The point's seed. */
    long seed();

    /**
     * A generator seeded with {@link #seed()} alone, fresh for this point (split it per component). Builds made
     * inside {@link #shared} should derive their randomness from {@code new SplittableRandom(seed())} so the
     * result does not depend on which point happened to build first.
     */
    SplittableRandom random();

    /** The backend name the sweep runs on ({@code java} or {@code nd4j}). */
    String backend();

    /** The run folder ({@code results/<run-id>}). */
    Path runFolder();

    /** A folder for this point's files (images), {@code <run>/points/<point_id>-s<seed>}, created on first call. */
    Path pointFolder();

    /**
     * The value cached under {@code key} for this point's group (same expensive parameters and seed), built by
     * {@code build} exactly once even when several threads ask at the same time. The cache is dropped when the
     * group's last point finishes. A failing build fails every point that asks for it.
     */
    <T> T shared(String key, Supplier<T> build);

    /** Whether the point ran out of time; long loops should check this (or {@link #checkCancelled}). */
    boolean cancelled();

    /** Throws {@link CancellationException} when the point ran out of time. */
    default void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("point cancelled: time limit reached");
        }
    }

    /** Records a data file used, for provenance (name, lower-case hex SHA-256). */
    void recordDataFile(String name, String sha256);
}
