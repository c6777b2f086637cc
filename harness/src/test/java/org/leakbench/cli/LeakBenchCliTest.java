package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.sweep.RunFolders;

class LeakBenchCliTest {
    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one invocation. */
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LeakBench.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** The arguments of {@code sweep FILE --out RESULTS --run-id ID --quiet}, then {@code more}. */
    static String[] sweepArgs(Path file, Path results, String runId, String... more) {
        List<String> args = new ArrayList<>(
                List.of("sweep", file.toString(), "--out", results.toString(), "--run-id", runId, "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private Path sweepFile(String text) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), text);
    }

    private static final String TINY = """
            name: tiny
            seeds: [1, 2]
            grid:
              model: [mlp]
              attack: [dlg, idlg]
            """;

    @Test
    void endToEndSweepThenAuditPassAndFail() throws IOException {
        Path file = sweepFile(TINY);
        Path results = dir.resolve("results");
        Result r = run(sweepArgs(file, results, "e2e", "--threads", "2", "--executor", "dummy"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 ok"), r.out());
        ResultTable t = ResultTable.read(results.resolve("e2e").resolve("results.csv"));
        assertEquals(4, t.rows().size());
        assertEquals(results.resolve("e2e").toRealPath(), RunFolders.resolve(results.resolve("latest")));

        Result pass = run("audit", results.toString(), "--max", "psnr=30", "--min", "accuracy=0.8");
        assertEquals(0, pass.code(), pass.err());
        assertTrue(pass.out().contains("within budget: 4 ok rows"), pass.out());

        Result fail = run("audit", results.resolve("e2e").toString(), "--max", "psnr=20", "--max", "mia_auc=0.6");
        assertEquals(1, fail.code(), fail.err());
        assertTrue(fail.out().contains("2 budget violations in 4 ok rows"), fail.out());
        assertTrue(fail.out().contains("idlg") && fail.out().contains("psnr <= 20"), fail.out());

        Result nothing = run("audit", results.toString(), "--max", "pi_auc=0.6");
        assertEquals(2, nothing.code(), nothing.out());
        assertTrue(nothing.err().contains("checks nothing") && nothing.err().contains("pi_auc"), nothing.err());

        Result bad = run("audit", results.toString(), "--max", "psnrr=20");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("did you mean 'psnr'"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());

        Result again = run(sweepArgs(file, results, "e2e", "--executor", "dummy"));
        assertTrue(again.out().contains("4 skipped"), again.out());
    }

    @Test
    void validationErrorsAreOneLineEachWithExitTwo() throws IOException {
        Path file = sweepFile("grid:\n  atack: [dlg]\n  batch: [0]\n");
        Result r = run("sweep", file.toString(), "--executor", "dummy", "--out", dir.toString());
        assertEquals(2, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertEquals(
                "error: s.yaml:2: grid.atack: unknown parameter (did you mean 'attack'?); run 'leakbench "
                        + "sweep --list-parameters' for the list",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("error: s.yaml:3: grid.batch: value 0 is out of range"), lines.get(1));
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void setupFailureAndMissingExecutorAreClearErrors() throws IOException {
        Path file = sweepFile(TINY);
        Result broken = run("sweep", file.toString(), "--executor", "broken-setup", "--out", dir.toString());
        assertEquals(2, broken.code());
        assertEquals(
                "error: model 'lenet' cannot run on dataset 'breast-cancer'",
                broken.err().strip());
        Result ambiguous = run("sweep", file.toString(), "--out", dir.toString());
        assertEquals(2, ambiguous.code());
        assertTrue(ambiguous.err().contains("choose one with --executor: dummy, broken-setup"), ambiguous.err());
        Result missing = run("sweep", "no-such-preset", "--out", dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("neither a sweep file nor a preset"), missing.err());
    }

    @Test
    void usageErrorsExitTwoWithoutStackTrace() {
        Result r = run("sweep", "quick", "--threads", "many");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
        Result shard = run("sweep", "quick", "--shard", "3/2", "--dry-run");
        assertEquals(2, shard.code());
        assertTrue(shard.err().contains("shard index must be in [0, 1]"), shard.err());
        assertEquals(2, run("no-such-command").code());
        Result verbose = run("sweep", "no-such-preset", "--verbose");
        assertEquals(2, verbose.code());
        assertTrue(verbose.err().contains("\tat "), "--verbose shows the stack trace");
        assertEquals(2, run().code());
    }

    @Test
    void dryRunPrintsPointsOfTheShardAndListsParameters() {
        Result r = run("sweep", "quick", "--dry-run", "--shard", "0/2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("166 points (332 in the whole sweep)"), r.out());
        Result p = run("sweep", "--list-parameters");
        assertEquals(0, p.code());
        assertTrue(p.out().contains("model.width") && p.out().contains("expensive"), p.out());
    }

    /** Old scripts pass --backend ejml: it runs as the java backend, and is recorded under that name. */
    @Test
    void theJavaBackendsFormerNameIsAcceptedOnTheCommandLine() {
        Result r = run("sweep", "quick", "--dry-run", "--backend", "ejml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("backend java,"), r.out());
        Result bad = run("sweep", "quick", "--dry-run", "--backend", "cuda");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("allowed: java, nd4j, ejml"), bad.err());
    }

    @Test
    void everyCommandHasHelpAndEnvDescribesBackends() {
        for (String cmd :
                List.of("sweep", "attack", "merge", "audit", "env", "epsilon", "noise-multiplier", "plot", "report")) {
            Result r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: leakbench " + cmd), r.out());
        }
        Result env = run("env", "--backend", "ejml", "--backend", "nope");
        assertEquals(0, env.code(), env.err());
        assertTrue(env.out().contains("cores"), env.out());
        assertTrue(env.out().contains("backend nope") && env.out().contains("unavailable: unknown backend"), env.out());
    }

    @Test
    void oneCommandBuildsOnlyItselfWhileTheHelpListsAll() {
        assertEquals(AttackCommand.class, LeakBench.chosenSubcommand(new String[] {"--verbose", "attack", "--batch"}));
        assertNull(LeakBench.chosenSubcommand(new String[] {"attak", "--batch"}));
        assertNull(LeakBench.chosenSubcommand(new String[] {"--help"}));
        assertEquals(
                Set.of("attack"),
                LeakBench.commandLine(AttackCommand.class).getSubcommands().keySet());
        assertEquals(
                LeakBench.SUBCOMMANDS.size(),
                LeakBench.commandLine().getSubcommands().size());
        Result help = run("--help");
        assertEquals(0, help.code(), help.err());
        for (Class<?> c : LeakBench.SUBCOMMANDS) {
            String name = c.getAnnotation(picocli.CommandLine.Command.class).name();
            assertTrue(help.out().contains("  " + name + " "), name + " missing from: " + help.out());
        }
        Result attack = run("attack", "--help");
        assertTrue(attack.out().contains("Defaults per attack"), attack.out());
        Result typo = run("attak");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("'attak'"), typo.err());
    }

    @Test
    void shardedRunsMergeThroughTheCli() throws IOException {
        Path file = sweepFile(TINY);
        Path results = dir.resolve("results");
        for (int i = 0; i < 2; i++) {
            Result r = run(sweepArgs(file, results, "s" + i, "--shard", i + "/2", "--executor", "dummy"));
            assertEquals(0, r.code(), r.err());
        }
        Result m = run(
                "merge",
                results.resolve("s0").toString(),
                results.resolve("s1").toString(),
                "--out",
                results.resolve("all").toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(
                4,
                ResultTable.read(results.resolve("all").resolve("results.csv"))
                        .rows()
                        .size());
        assertTrue(Files.exists(results.resolve("all").resolve("provenance.json")));
    }
}
