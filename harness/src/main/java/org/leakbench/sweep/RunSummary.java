package org.leakbench.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one invocation of the runner did.
 *
 * @param runFolder the run folder
 * @param selected points (times seeds) in this shard
 * @param skipped points already done in an earlier run
 * @param ok points that finished with status ok
 * @param diverged points whose executor reported diverged
 * @param failed points that threw
 * @param timedOut points that ran out of time
 */
public record RunSummary(Path runFolder, int selected, int skipped, int ok, int diverged, int failed, int timedOut) {
    /** Points run in this invocation. */
    public int ran() {
        return ok + diverged + failed + timedOut;
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("selected", selected);
        m.put("skipped", skipped);
        m.put("ok", ok);
        m.put("diverged", diverged);
        m.put("failed", failed);
        m.put("timeout", timedOut);
        return m;
    }

    @Override
    public String toString() {
        return String.format(
                "%d points: %d skipped (done before), %d ok, %d diverged, %d failed, %d timeout -> %s",
                selected, skipped, ok, diverged, failed, timedOut, runFolder);
    }
}
