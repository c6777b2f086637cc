package org.leakbench.sweep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a sweep.
 *
 * @param resultsRoot folder holding run folders ({@code results})
 * @param runId run folder name; reuse it to resume
 * @param threads points run at the same time, at least 1
 * @param force redo points that already have an ok/diverged row
 * @param shard the slice of the sweep to run
 * @param progress show a progress bar on stderr
 * @param timeout per-point limit overriding the sweep's, or null to keep the sweep's
 */
public record RunOptions(
        Path resultsRoot, String runId, int threads, boolean force, Shard shard, boolean progress, Duration timeout) {
    public RunOptions {
        Objects.requireNonNull(resultsRoot, "resultsRoot");
        if (runId == null || !runId.matches("[A-Za-z0-9._-]+") || runId.equals("latest")) {
            throw new IllegalArgumentException(
                    "run id '" + runId + "' must use only letters, digits, '.', '_', '-' and not be 'latest'");
        }
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
        }
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        shard = shard == null ? Shard.ALL : shard;
    }

    /** Defaults: one thread per core, whole sweep, no progress bar, the sweep's timeout. */
    public static RunOptions defaults(Path resultsRoot, String runId) {
        return new RunOptions(
                resultsRoot, runId, Runtime.getRuntime().availableProcessors(), false, Shard.ALL, false, null);
    }

    public RunOptions withThreads(int n) {
        return new RunOptions(resultsRoot, runId, n, force, shard, progress, timeout);
    }

    public RunOptions withForce(boolean f) {
        return new RunOptions(resultsRoot, runId, threads, f, shard, progress, timeout);
    }

    public RunOptions withShard(Shard s) {
        return new RunOptions(resultsRoot, runId, threads, force, s, progress, timeout);
    }

    public RunOptions withProgress(boolean p) {
        return new RunOptions(resultsRoot, runId, threads, force, shard, p, timeout);
    }

    public RunOptions withTimeout(Duration t) {
        return new RunOptions(resultsRoot, runId, threads, force, shard, progress, t);
    }
}
