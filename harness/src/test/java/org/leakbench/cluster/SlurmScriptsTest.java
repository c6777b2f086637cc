package org.leakbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmScriptsTest {
    private final ClusterRun run = new ClusterRun(Path.of("/data/results/paper-1"));
    private final List<String> launcher =
            List.of("/opt/jdk/bin/java", "-Xmx6144m", "-cp", "/opt/lb/leakbench.jar", "org.leakbench.cli.LeakBench");

    @Test
    void arrayScriptAsksForTheResourcesAndRunsTheTasksShard() {
        SlurmResources r = new SlurmResources("long", "12:00:00", 4, "8G", 1, "proj-1");
        String cpu = SlurmScripts.array(run, List.of(0, 1, 2, 5), false, r, launcher);
        assertTrue(cpu.startsWith("#!/bin/bash\n#SBATCH --job-name=leakbench-paper-1\n"), cpu);
        for (String line : List.of(
                "#SBATCH --output=/data/results/paper-1/slurm/logs/shard-%a-job%A.out",
                "#SBATCH --array=0-2,5",
                "#SBATCH --cpus-per-task=4",
                "#SBATCH --mem=8G",
                "#SBATCH --time=12:00:00",
                "#SBATCH --partition=long",
                "#SBATCH --account=proj-1",
                "exec /opt/jdk/bin/java -Xmx6144m -cp /opt/lb/leakbench.jar org.leakbench.cli.LeakBench slurm "
                        + "run-shard /data/results/paper-1 \"$SLURM_ARRAY_TASK_ID\" --threads "
                        + "\"${SLURM_CPUS_PER_TASK:-1}\"")) {
            assertTrue(cpu.contains(line + "\n"), line + " missing from\n" + cpu);
        }
        assertTrue(!cpu.contains("--gres"), "CPU shards ask for no GPU");
        String gpu = SlurmScripts.array(run, List.of(6, 7), true, r, launcher);
        assertTrue(gpu.contains("#SBATCH --gres=gpu:1\n") && gpu.contains("#SBATCH --array=6-7\n"), gpu);
    }

    @Test
    void mergeScriptRunsTheMergeOnOneCpu() {
        String merge = SlurmScripts.merge(run, new SlurmResources(null, null, 8, null, 2, null), launcher);
        assertTrue(merge.contains("#SBATCH --cpus-per-task=1\n"), merge);
        assertTrue(!merge.contains("--gres") && !merge.contains("--partition"), merge);
        assertTrue(merge.endsWith("org.leakbench.cli.LeakBench slurm merge /data/results/paper-1\n"), merge);
    }

    @Test
    void rangesAndQuoting() {
        assertEquals("0-3,7,9-10", SlurmScripts.ranges(List.of(9, 0, 1, 2, 3, 7, 10)));
        assertEquals("4", SlurmScripts.ranges(List.of(4)));
        assertEquals("'/my runs/a'\\''b'", SlurmScripts.quote("/my runs/a'b"));
    }

    @Test
    void badResourcesAreRefusedWithTheOptionName() {
        assertEquals(
                "--time: expected minutes, MM:SS, HH:MM:SS or D-HH:MM:SS, got '12h'",
                assertThrows(IllegalArgumentException.class, () -> new SlurmResources(null, "12h", 1, null, 0, null))
                        .getMessage());
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> new SlurmResources(null, null, 1, "8 GB", 0, null))
                        .getMessage()
                        .startsWith("--mem:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SlurmResources("a b", null, 1, null, 0, null))
                .getMessage()
                .startsWith("--partition:"));
        assertEquals("-Xmx6144m", new SlurmResources(null, null, 1, "8G", 0, null).heapOption());
        assertEquals("-Xmx3000m", new SlurmResources(null, null, 1, "4000", 0, null).heapOption());
    }
}
