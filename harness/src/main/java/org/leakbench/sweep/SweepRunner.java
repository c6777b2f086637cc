package org.leakbench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.leakbench.component.ParameterSpec;
import org.leakbench.results.Metric;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;
import org.leakbench.tensor.Backends;

/**
 * Runs a sweep's points through a {@link PointExecutor} on a bounded pool, appends one row per point to
 * {@code results.csv}, and writes {@code provenance.json}. Points already done (ok or diverged) in the same run
 * folder are skipped unless {@link RunOptions#force()}. A point that throws, runs out of memory or out of time
 * becomes a {@code failed: ...} or {@code timeout} row; the sweep goes on. When the run ends the CSV is rewritten
 * in sweep order (one row per point and seed), so the same sweep gives the same file whatever the thread timing.
 */
public final class SweepRunner {
    private final Sweep sweep;
    private final PointExecutor executor;
    private final RunOptions options;
    private final Duration timeout;
    private final GroupCache cache = new GroupCache();
    private final Map<String, String> dataFiles = new ConcurrentHashMap<>();

    public SweepRunner(Sweep sweep, PointExecutor executor, RunOptions options) {
        this.sweep = sweep;
        this.executor = executor;
        this.options = options;
        this.timeout = options.timeout() == null ? sweep.timeout() : options.timeout();
    }

    /** The run folder this runner writes to. */
    public Path runFolder() {
        return options.resultsRoot().resolve(options.runId());
    }

    /** Runs the selected points; returns counts. I/O errors on the results file stop the sweep. */
    public RunSummary run() throws IOException {
        Instant start = Instant.now();
        Path folder = Files.createDirectories(runFolder());
        List<SweepPoint> all = sweep.points();
        List<SweepPoint> selected = options.shard().select(all);
        Path csv = folder.resolve(RunLayout.RESULTS);
        List<SweepPoint> todo = new ArrayList<>();
        AtomicInteger[] counts = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        try (ResultStore store = ResultStore.open(csv, ResultStore.header(sweep.registry()), options.force())) {
            for (SweepPoint p : selected) {
                if (!store.isDone(p.pointId(), p.seed())) {
                    todo.add(p);
                    cache.expect(p.groupKey());
                }
            }
            ProvenanceFile.write(
                    folder.resolve(RunLayout.PROVENANCE), Provenance.of(sweep, options, start, null, dataFiles, null));
            runAll(todo, store, folder, counts);
        }
        List<String> order = new ArrayList<>();
        all.forEach(p -> order.add(p.pointId() + "|" + p.seed()));
        ResultStore.rewriteInOrder(csv, order);
        RunSummary summary = new RunSummary(
                folder,
                selected.size(),
                selected.size() - todo.size(),
                counts[0].get(),
                counts[1].get(),
                counts[2].get(),
                counts[3].get());
        ProvenanceFile.write(
                folder.resolve(RunLayout.PROVENANCE),
                Provenance.of(sweep, options, start, Instant.now(), dataFiles, summary));
        RunFolders.markLatest(options.resultsRoot(), folder);
        return summary;
    }

    private void runAll(List<SweepPoint> todo, ResultStore store, Path folder, AtomicInteger[] counts)
            throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(options.threads(), Math.max(1, todo.size())), daemon("leakbench-point"));
        try (MemorySampler sampler = new MemorySampler(20);
                SweepProgress progress = SweepProgress.start(sweep.name(), todo.size(), options.progress())) {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPoint p : todo) {
                futures.add(pool.submit(() -> {
                    PointOutcome outcome = runOne(p, folder, sampler);
                    store.append(row(p, outcome));
                    count(outcome.status(), counts);
                    progress.step();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("sweep interrupted", e);
        } catch (ExecutionException e) {
            // Only writing the results file can fail here: the points themselves never throw out of runOne.
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("cannot record a result: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void count(String status, AtomicInteger[] counts) {
        int i = status.equals("ok") ? 0 : status.equals("diverged") ? 1 : status.equals("timeout") ? 3 : 2;
        counts[i].incrementAndGet();
    }

    /** The backend a point runs on: its own {@code backend} parameter, or the sweep's when that says "sweep". */
    public static String backendOf(Sweep sweep, SweepPoint point) {
        Object own = point.params().get("backend");
        return own == null || ParameterRegistry.SWEEP_BACKEND.equals(own.toString())
                ? sweep.backend()
                : Backends.canonicalName(own.toString());
    }

    /** Runs one point on its own thread so that a point that ignores cancellation can be abandoned. */
    private PointOutcome runOne(SweepPoint point, Path folder, MemorySampler sampler) {
        RunPointContext ctx = new RunPointContext(point, backendOf(sweep, point), folder, cache, dataFiles);
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        MemorySampler.Probe probe = sampler.start();
        long t0 = System.nanoTime();
        Thread worker = daemon("leakbench-run-" + point.pointId()).newThread(() -> {
            try {
                result.complete(executor.run(point, ctx));
            } catch (Throwable t) { // isolation: whatever a point throws, even an Error, is its own failure
                result.completeExceptionally(t);
            }
        });
        worker.start();
        PointOutcome outcome;
        try {
            Map<String, Object> metrics = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            outcome = accept(metrics);
        } catch (TimeoutException e) {
            ctx.cancel();
            worker.interrupt();
            outcome = new PointOutcome(Map.of(), "timeout");
        } catch (ExecutionException e) {
            outcome = PointOutcome.failure(e.getCause());
        } catch (InterruptedException e) {
            ctx.cancel();
            worker.interrupt();
            Thread.currentThread().interrupt();
            outcome = new PointOutcome(Map.of(), "failed: interrupted");
        } finally {
            probe.stop();
            cache.finished(point.groupKey());
        }
        Map<String, Object> metrics = new LinkedHashMap<>(outcome.metrics());
        metrics.put(Metric.TIME_MS.column(), (System.nanoTime() - t0) / 1_000_000L);
        metrics.put(Metric.PEAK_HEAP_MB.column(), probe.heapPeakMb());
        metrics.put(Metric.OFFHEAP_MB.column(), probe.offHeapPeakMb());
        return new PointOutcome(metrics, outcome.status());
    }

    private static PointOutcome accept(Map<String, Object> metrics) {
        if (metrics == null) {
            return new PointOutcome(Map.of(), "failed: executor returned no metrics (null)");
        }
        try {
            ExecutorMetrics.check(metrics);
        } catch (IllegalArgumentException e) {
            return PointOutcome.failure(e);
        }
        Map<String, Object> m = new LinkedHashMap<>(metrics);
        Object status = m.remove(ResultColumns.STATUS);
        return new PointOutcome(m, status == null ? "ok" : status.toString());
    }

    private List<String> row(SweepPoint p, PointOutcome outcome) {
        List<String> row = new ArrayList<>();
        row.add(p.pointId());
        row.add(Long.toString(p.seed()));
        for (ParameterSpec spec : sweep.registry().specs()) {
            row.add(Values.format(p.params().get(spec.name())));
        }
        for (String metric : ResultColumns.METRICS) {
            row.add(Values.format(outcome.metrics().get(metric)));
        }
        row.add(outcome.status());
        return row;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
