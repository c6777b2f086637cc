package org.leakbench.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The job scripts of a cluster run, written into {@code <run>/slurm/} so they can be read, edited and resubmitted
 * by hand: one array script per device class (the task id is the shard index) and the merge script that runs
 * after every shard has ended.
 */
final class SlurmScripts {
    private SlurmScripts() {}

    /**
     * The array script for {@code shards} on one device class.
     *
     * @param launcher the command that starts LeakBench (java, its options, class path, main class)
     */
    static String array(
            ClusterRun run, List<Integer> shards, boolean gpu, SlurmResources resources, List<String> launcher) {
        StringBuilder sb = header(
                run.folder().getFileName() + (gpu ? "-gpu" : ""), run.logs().resolve("shard-%a-job%A.out"));
        sb.append("#SBATCH --array=").append(ranges(shards)).append('\n');
        for (String d : resources.directives(gpu)) {
            sb.append("#SBATCH ").append(d).append('\n');
        }
        sb.append("# Runs shard $SLURM_ARRAY_TASK_ID of ")
                .append(run.folder().getFileName())
                .append(" (see shard-plan.json); a rerun resumes where the shard stopped.\n");
        sb.append("set -euo pipefail\n");
        sb.append("exec ")
                .append(command(launcher))
                .append(" slurm run-shard ")
                .append(quote(run.folder()))
                .append(" \"$SLURM_ARRAY_TASK_ID\" --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n");
        return sb.toString();
    }

    /** The merge script: checks the shards, merges them into the run folder and draws the figures. */
    static String merge(ClusterRun run, SlurmResources resources, List<String> launcher) {
        StringBuilder sb =
                header(run.folder().getFileName() + "-merge", run.logs().resolve("merge-%j.out"));
        SlurmResources one =
                new SlurmResources(resources.partition(), resources.time(), 1, resources.mem(), 0, resources.account());
        for (String d : one.directives(false)) {
            sb.append("#SBATCH ").append(d).append('\n');
        }
        sb.append("set -euo pipefail\n");
        sb.append("exec ")
                .append(command(launcher))
                .append(" slurm merge ")
                .append(quote(run.folder()))
                .append('\n');
        return sb.toString();
    }

    private static StringBuilder header(String name, Path log) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("#SBATCH --job-name=leakbench-").append(name).append('\n');
        sb.append("#SBATCH --output=").append(log).append('\n');
        return sb;
    }

    /** "0-3,7,9-10" for the sorted indices. */
    static String ranges(List<Integer> indices) {
        List<Integer> sorted = new ArrayList<>(indices);
        java.util.Collections.sort(sorted);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static String command(List<String> launcher) {
        return String.join(" ", launcher.stream().map(SlurmScripts::quote).toList());
    }

    /** Single-quotes a word for bash unless it is plainly safe. */
    static String quote(Object word) {
        String s = word.toString();
        if (s.matches("[A-Za-z0-9_./=:+@%,-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
