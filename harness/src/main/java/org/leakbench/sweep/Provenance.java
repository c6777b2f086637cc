package org.leakbench.sweep;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.results.ProvenanceFile;

/**
 * {@code provenance.json}: what produced a run folder's results (format version, LeakBench version, git commit
 * and dirty flag, JVM, OS, CPU, cores, heap, backend, threads, seeds, the resolved sweep, data-file hashes,
 * start and end time), as the map {@link ProvenanceFile} writes; its keys are the schema's.
 */
public final class Provenance {
    private Provenance() {}

    /** The provenance of one run of {@code sweep}; {@code end} is null while it is still running. */
    public static Map<String, Object> of(
            Sweep sweep,
            RunOptions options,
            Instant start,
            Instant end,
            Map<String, String> dataFiles,
            RunSummary summary) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ProvenanceFile.FORMAT_VERSION_KEY, ProvenanceFile.FORMAT_VERSION);
        p.put(ProvenanceFile.RUN_ID, options.runId());
        p.putAll(SystemInfo.machine(usesSecureAggregation(sweep)));
        Map<String, Object> git = SystemInfo.git();
        p.put(ProvenanceFile.GIT_COMMIT, git.get("commit"));
        p.put(ProvenanceFile.GIT_DIRTY, git.get("dirty"));
        p.put(ProvenanceFile.GIT_SOURCE, git.getOrDefault("source", "unknown"));
        p.put(ProvenanceFile.BACKEND, sweep.backend());
        p.put(ProvenanceFile.BACKEND_DESCRIPTION, SystemInfo.describeBackend(sweep.backend()));
        p.put(ProvenanceFile.THREADS, options.threads());
        p.put(ProvenanceFile.OP_THREADS_PER_POINT, PoolSizing.opThreads(sweep.backend()));
        p.put(ProvenanceFile.SHARD, options.shard().toString());
        p.put(ProvenanceFile.SEEDS, sweep.seeds());
        p.put(ProvenanceFile.TIMEOUT_MS, (options.timeout() == null ? sweep.timeout() : options.timeout()).toMillis());
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put(ProvenanceFile.SWEEP_NAME, sweep.name());
        resolved.put(ProvenanceFile.SWEEP_ORIGIN, sweep.origin());
        resolved.put(ProvenanceFile.SWEEP_PARAMETERS, sweep.resolved());
        resolved.put(ProvenanceFile.SWEEP_POINTS, sweep.points().size());
        resolved.put(ProvenanceFile.SWEEP_SOURCE, sweep.source());
        p.put(ProvenanceFile.SWEEP, resolved);
        p.put(ProvenanceFile.DATA_FILES, new TreeMap<>(dataFiles));
        p.put(ProvenanceFile.START, start.toString());
        p.put(ProvenanceFile.END, end == null ? null : end.toString());
        if (summary != null) {
            p.put(ProvenanceFile.SUMMARY, summary.asMap());
        }
        return p;
    }

    /** Whether a point of {@code sweep} aggregates securely (an unknown defense name counts, to be safe). */
    static boolean usesSecureAggregation(Sweep sweep) {
        ComponentRegistry registry = ComponentRegistry.installed();
        for (SweepPoint point : sweep.points()) {
            Object defense = point.params().get("defense");
            boolean secure = defense == null
                    || registry.find(ComponentKind.DEFENSE, defense.toString())
                            .map(c -> c.does(Capability.AGGREGATES_SECURELY))
                            .orElse(true);
            if (secure) {
                return true;
            }
        }
        return false;
    }
}
