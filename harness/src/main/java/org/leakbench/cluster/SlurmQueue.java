package org.leakbench.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue's view of a cluster run: for each shard, the state and node of its newest array task while Slurm
 * still lists it (pending, running, completing), and whether the newest merge job is still waiting.
 */
public final class SlurmQueue {
    private final Map<Integer, String[]> byShard;
    private final Map<String, Object> lastMerge;
    private final boolean mergeQueued;

    private SlurmQueue(Map<Integer, String[]> byShard, Map<String, Object> lastMerge, boolean mergeQueued) {
        this.byShard = byShard;
        this.lastMerge = lastMerge;
        this.mergeQueued = mergeQueued;
    }

    /** Asks squeue about the jobs recorded in the run's cluster.json (nothing when squeue is unavailable). */
    public static SlurmQueue of(ClusterRun run, SlurmClient slurm) throws IOException {
        List<Map<String, Object>> jobs = run.jobs();
        List<String> ids = new ArrayList<>();
        jobs.forEach(j -> ids.add(String.valueOf(j.get("id"))));
        Map<String, String[]> states = slurm.queue(ids);
        Map<Integer, String[]> byShard = new HashMap<>();
        Map<String, Object> merge = null;
        boolean mergeQueued = false;
        for (Map<String, Object> job : jobs) { // oldest first: a resubmission's task replaces the earlier one
            String id = String.valueOf(job.get("id"));
            if ("merge".equals(job.get("kind"))) {
                merge = job;
                mergeQueued = states.containsKey(id);
                continue;
            }
            for (Object shard : (List<?>) job.getOrDefault("shards", List.of())) {
                int index = ((Number) shard).intValue();
                String[] state = states.get(id + "_" + index);
                if (state != null) {
                    byShard.put(index, state);
                } else {
                    byShard.remove(index);
                }
            }
        }
        return new SlurmQueue(byShard, merge, mergeQueued);
    }

    /** {state, node} of the shard's queued task, or null when Slurm lists none. */
    public String[] state(int shard) {
        return byShard.get(shard);
    }

    /** Shards Slurm still lists as queued or running. */
    public java.util.Set<Integer> queuedShards() {
        return byShard.keySet();
    }

    /** The newest merge job's record, or null. */
    public Map<String, Object> lastMerge() {
        return lastMerge;
    }

    /** Whether the newest merge job is still queued. */
    public boolean mergeQueued() {
        return mergeQueued;
    }
}
