package org.leakbench.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** The runner's {@link PointContext} for one point. */
final class RunPointContext implements PointContext {
    private final SweepPoint point;
    private final String backend;
    private final Path runFolder;
    private final GroupCache cache;
    private final Map<String, String> dataFiles;
    private final SplittableRandom random;
    private volatile boolean cancelled;

    RunPointContext(SweepPoint point, String backend, Path runFolder, GroupCache cache, Map<String, String> dataFiles) {
        this.point = point;
        this.backend = backend;
        this.runFolder = runFolder;
        this.cache = cache;
        this.dataFiles = dataFiles;
        this.random = new SplittableRandom(point.seed());
    }

    @Override
    public long seed() {
        return point.seed();
    }

    @Override
    public SplittableRandom random() {
        return random;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public Path runFolder() {
        return runFolder;
    }

    @Override
    public Path pointFolder() {
        Path p = runFolder.resolve("points").resolve(point.pointId() + "-s" + point.seed());
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
    }

    @Override
    public <T> T shared(String key, Supplier<T> build) {
        return cache.get(point.groupKey(), key, build);
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void recordDataFile(String name, String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("data file " + name + ": sha256 must be 64 lower-case hex digits");
        }
        String previous = dataFiles.putIfAbsent(name, sha256);
        if (previous != null && !previous.equals(sha256)) {
            throw new IllegalStateException("data file " + name + " changed during the sweep");
        }
    }
}
