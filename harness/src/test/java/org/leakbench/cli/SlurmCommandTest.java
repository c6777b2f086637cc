package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.cluster.ClusterRun;
import org.leakbench.cluster.CommandRunner;
import org.leakbench.cluster.FakeSlurm;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;

/** The slurm subcommands against stand-in sbatch, sinfo and squeue; shards run in-process with "dummy" points. */
class SlurmCommandTest {
    @TempDir
    Path dir;

    FakeSlurm fake;
    Path sweep;
    Path results;

    static final String SWEEP = """
            name: cl
            seeds: [1, 2]
            grid:
              model: [mlp]
              batch: [1, 2]
              image: [0, 1]
              attack: [dlg, idlg, oracle]
            """;

    @BeforeEach
    void setUp() throws IOException {
        fake = new FakeSlurm(dir);
        SlurmCommand.runners = () -> fake.runner(10);
        sweep = Files.writeString(dir.resolve("cl.yaml"), SWEEP);
        results = dir.resolve("results");
    }

    @AfterEach
    void restore() {
        SlurmCommand.runners = CommandRunner::system;
    }

    private LeakBenchCliTest.Result submit() {
        return submit("batch");
    }

    private LeakBenchCliTest.Result submit(String partition) {
        return LeakBenchCliTest.run(
                "slurm",
                "submit",
                sweep.toString(),
                "--shards",
                "3",
                "--out",
                results.toString(),
                "--run-id",
                "r1",
                "--cpus",
                "2",
                "--partition",
                partition);
    }

    @Test
    void submitWritesTheRunFolderAndSubmitsTheArrayThenTheMerge() throws IOException {
        LeakBenchCliTest.Result r = submit();
        assertEquals(0, r.code(), r.err());
        Path run = results.resolve("r1");
        for (String f :
                List.of("sweep.yaml", "shard-plan.json", "cluster.json", "slurm/shards-cpu.sh", "slurm/merge.sh")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertTrue(Files.readString(run.resolve("slurm/shards-cpu.sh")).contains("#SBATCH --array=0-2\n"));
        List<String> calls = fake.calls();
        assertEquals("sinfo --noheader --format=%R", calls.get(0));
        assertEquals("sbatch --parsable --array=0-2 " + run.resolve("slurm/shards-cpu.sh"), calls.get(1));
        assertEquals(
                "sbatch --parsable --dependency=afterany:1001 --kill-on-invalid-dep=yes "
                        + run.resolve("slurm/merge.sh"),
                calls.get(2));
        assertTrue(r.out().contains("submitted shard array 1001 and merge job 1002"), r.out());
        assertEquals(
                List.of("shards-cpu", "merge"),
                new ClusterRun(run).jobs().stream().map(j -> j.get("kind")).toList());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWrittenOrSubmitted() throws IOException {
        LeakBenchCliTest.Result r = submit("nope");
        assertEquals(LeakBench.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("partition 'nope' does not exist; sinfo lists: batch, gpu"), r.err());
        fake.remove("sbatch");
        r = submit();
        assertEquals(LeakBench.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("sbatch is not on the PATH"), r.err());
        assertFalse(Files.exists(results.resolve("r1")), "nothing written");
        assertTrue(fake.calls().stream().noneMatch(c -> c.startsWith("sbatch")), "nothing submitted");
    }

    @Test
    void shardsMergeToTheSingleProcessRunAndResubmitRedoesOnlyTheUnfinished() throws IOException {
        assertEquals(0, submit().code());
        Path run = results.resolve("r1");
        assertEquals(
                0,
                LeakBenchCliTest.run(
                                "sweep",
                                sweep.toString(),
                                "--out",
                                results.toString(),
                                "--run-id",
                                "single",
                                "--executor",
                                "dummy",
                                "--quiet")
                        .code());
        for (int i : new int[] {0, 2}) {
            LeakBenchCliTest.Result r = LeakBenchCliTest.run(
                    "slurm", "run-shard", run.toString(), Integer.toString(i), "--executor", "dummy");
            assertEquals(0, r.code(), r.err());
        }
        // shard 1 never ran: status says so, the merge refuses, resubmit sends shard 1 alone
        fake.queue();
        LeakBenchCliTest.Result status = LeakBenchCliTest.run("slurm", "status", run.toString());
        assertEquals(0, status.code(), status.err());
        assertTrue(status.out().matches("(?s).*shard-01\\s+cpu\\s+not started\\s+0/\\d+\\s+0.*"), status.out());
        assertTrue(status.out().contains("unfinished and not queued: shards 1"), status.out());
        LeakBenchCliTest.Result merge = LeakBenchCliTest.run("slurm", "merge", run.toString(), "--no-plots");
        assertEquals(LeakBench.EXIT_USAGE, merge.code());
        assertTrue(merge.err().contains("have no result yet (shards 1)"), merge.err());
        LeakBenchCliTest.Result again = LeakBenchCliTest.run("slurm", "resubmit", run.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(
                fake.calls().contains("sbatch --parsable --array=1 " + run.resolve("slurm/shards-cpu.sh")),
                fake.calls().toString());
        // while Slurm lists shard 1 as running, a second resubmit leaves it alone
        fake.queue("1003_1 RUNNING n1");
        LeakBenchCliTest.Result busy = LeakBenchCliTest.run("slurm", "resubmit", run.toString());
        assertTrue(busy.out().contains("still queued or running, left alone: shards [1]"), busy.out());
        assertTrue(LeakBenchCliTest.run("slurm", "status", run.toString())
                .out()
                .matches("(?s).*shard-01\\s+cpu\\s+RUNNING\\s+n1.*"));
        assertEquals(
                0,
                LeakBenchCliTest.run("slurm", "run-shard", run.toString(), "1", "--executor", "dummy")
                        .code());
        // every shard complete, nothing merged, no merge job queued: resubmit sends the merge job alone
        fake.queue();
        LeakBenchCliTest.Result mergeOnly = LeakBenchCliTest.run("slurm", "resubmit", run.toString());
        assertTrue(mergeOnly.out().contains("every shard is complete; submitted merge job 1005"), mergeOnly.out());
        assertEquals(
                "sbatch --parsable " + run.resolve("slurm/merge.sh"),
                fake.calls().get(fake.calls().size() - 1));
        merge = LeakBenchCliTest.run("slurm", "merge", run.toString(), "--no-plots");
        assertEquals(0, merge.code(), merge.err());
        assertTrue(LeakBenchCliTest.run("slurm", "resubmit", run.toString())
                .out()
                .contains("every shard is complete; nothing to resubmit"));
        ResultTable merged = ResultTable.read(run.resolve("results.csv"));
        ResultTable single = ResultTable.read(results.resolve("single/results.csv"));
        assertEquals(single.rows().size(), merged.rows().size());
        int time = single.column("time_ms");
        for (int i = 0; i < single.rows().size(); i++) {
            List<String> a = new java.util.ArrayList<>(single.rows().get(i));
            List<String> b = new java.util.ArrayList<>(merged.rows().get(i));
            for (String machine : ResultColumns.MACHINE_DEPENDENT) {
                a.set(single.column(machine), "");
                b.set(single.column(machine), "");
            }
            assertEquals(a, b, "row " + i);
        }
        assertTrue(time >= 0);
        List<String> placement = Files.readAllLines(run.resolve("placement.csv"));
        assertEquals("point_id,seed,shard,node,device,job", placement.get(0));
        assertEquals(single.rows().size() + 1, placement.size());
        Map<String, Object> prov = ProvenanceFile.read(run.resolve("provenance.json"));
        assertTrue(prov.get("cluster") instanceof Map<?, ?>, prov.toString());
    }

    @Test
    void mergeRefusesShardsOfAnotherSweepOrCodeVersion() throws IOException {
        assertEquals(0, submit().code());
        Path run = results.resolve("r1");
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    0,
                    LeakBenchCliTest.run(
                                    "slurm", "run-shard", run.toString(), Integer.toString(i), "--executor", "dummy")
                            .code());
        }
        Path prov = run.resolve("shards/shard-01/provenance.json");
        Map<String, Object> original = ProvenanceFile.read(prov);
        Map<String, Object> p = ProvenanceFile.read(prov);
        p.put("git_commit", "0123456789abcdef");
        ProvenanceFile.write(prov, p);
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("slurm", "merge", run.toString(), "--no-plots");
        assertEquals(LeakBench.EXIT_USAGE, r.code());
        assertTrue(
                r.err().contains("shard-01/provenance.json: this shard ran LeakBench")
                        && r.err().contains("at commit 0123456789abcdef"),
                r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> sweepPart = (Map<String, Object>) original.get("sweep");
        sweepPart.put("source", SWEEP.replace("seeds: [1, 2]", "seeds: [1, 2, 3]"));
        ProvenanceFile.write(prov, original);
        r = LeakBenchCliTest.run("slurm", "merge", run.toString(), "--no-plots");
        assertTrue(r.err().contains("this shard ran a different sweep file"), r.err());
        assertFalse(Files.exists(run.resolve("results.csv")), "nothing merged");
    }

    @Test
    void statusOfAFolderThatIsNoClusterRunIsAClearError() {
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("slurm", "status", dir.toString());
        assertEquals(LeakBench.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("is not a cluster run folder"), r.err());
    }
}
