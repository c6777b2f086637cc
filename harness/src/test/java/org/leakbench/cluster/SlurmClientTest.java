package org.leakbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmClientTest {
    @TempDir
    Path dir;

    @Test
    void missingSbatchIsAClearError() throws Exception {
        FakeSlurm fake = new FakeSlurm(dir);
        fake.remove("sbatch");
        SlurmClient slurm = new SlurmClient(fake.runner(5));
        IllegalStateException e = assertThrows(IllegalStateException.class, slurm::requireSbatch);
        assertTrue(e.getMessage().startsWith("sbatch is not on the PATH"), e.getMessage());
    }

    @Test
    void unknownPartitionNamesTheOnesThatExist() throws Exception {
        SlurmClient slurm =
                new SlurmClient(new FakeSlurm(dir).partitions("short", "long").runner(5));
        slurm.requirePartition("long");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slurm.requirePartition("gpu"));
        assertEquals("--partition: partition 'gpu' does not exist; sinfo lists: short, long", e.getMessage());
    }

    @Test
    void submitReturnsTheJobIdAndPassesOptions() throws Exception {
        FakeSlurm fake = new FakeSlurm(dir);
        SlurmClient slurm = new SlurmClient(fake.runner(5));
        assertEquals("1001", slurm.submit(dir.resolve("a.sh"), List.of("--array=0-3")));
        assertEquals("1002", slurm.submit(dir.resolve("m.sh"), List.of("--dependency=afterany:1001")));
        assertEquals(
                List.of(
                        "sbatch --parsable --array=0-3 " + dir.resolve("a.sh"),
                        "sbatch --parsable --dependency=afterany:1001 " + dir.resolve("m.sh")),
                fake.calls());
    }

    @Test
    void refusedSubmissionCarriesSbatchsMessage() throws Exception {
        FakeSlurm fake = new FakeSlurm(dir)
                .command("sbatch", "echo 'sbatch: error: Batch job submission failed: Invalid account' >&2\nexit 1\n");
        SlurmClient slurm = new SlurmClient(fake.runner(5));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> slurm.submit(dir.resolve("a.sh"), List.of()));
        assertTrue(e.getMessage().contains("Invalid account"), e.getMessage());
    }

    @Test
    void aHangingCommandTimesOutInsteadOfHanging() throws Exception {
        FakeSlurm fake = new FakeSlurm(dir).command("sinfo", "sleep 30\n");
        SlurmClient slurm = new SlurmClient(fake.runner(1));
        long t0 = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slurm.requirePartition("x"));
        assertTrue(e.getMessage().contains("did not answer within 1 s"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "took too long");
    }

    @Test
    void queueParsesArrayTasks() throws Exception {
        FakeSlurm fake = new FakeSlurm(dir).queue("1001_2 RUNNING node7", "1001_3 PENDING", "1002 PENDING");
        Map<String, String[]> q = new SlurmClient(fake.runner(5)).queue(List.of("1001", "1002"));
        assertEquals("RUNNING", q.get("1001_2")[0]);
        assertEquals("node7", q.get("1001_2")[1]);
        assertEquals("", q.get("1001_3")[1]);
        assertEquals(3, q.size());
        fake.remove("squeue");
        assertTrue(new SlurmClient(fake.runner(5)).queue(List.of("1001")).isEmpty());
    }
}
