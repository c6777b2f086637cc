package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DpCommandsTest {
    /** Exit code, standard output and standard error of one run. */
    record Run(int exit, String out, String err) {}

    /** Runs {@code command} on {@code commandLine}, its arguments separated by single spaces. */
    static Run run(Object command, String commandLine) {
        String[] args = commandLine.split(" ", -1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Standard output of a run of {@code command} on {@code commandLine}, which must exit 0. */
    static String output(Object command, String commandLine) {
        Run r = run(command, commandLine);
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    /** The run exited 2 (bad usage or value) and said {@code part} on standard error. */
    static void assertRefused(Run r, String part) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(part), r.err());
    }

    @Test
    void epsilonReproducesOpacus() {
        String out =
                output(new EpsilonCommand(), "--noise-multiplier 1.5 --sample-rate 0.04 --steps 2250 --delta 1e-5");
        assertTrue(out.startsWith("epsilon = 7.32911 at delta = 1.0E-5 (best order 3.9, improved"), out);
        assertEquals(1, out.strip().lines().count());
    }

    @Test
    void epochsBecomeSteps() {
        String out = output(
                new EpsilonCommand(),
                "--noise-multiplier 1.5 --sample-rate 0.04 --epochs 90 --delta 1e-5 --conversion CLASSIC");
        assertTrue(out.contains("2250 steps") && out.contains("classic conversion"), out);
        assertEquals(2250, DpCommandSupport.stepsFromEpochs(90, 0.04));
        assertEquals(3, DpCommandSupport.stepsFromEpochs(1, 0.4)); // 2.5 rounds up
    }

    @Test
    void noiseMultiplierReproducesOpacus() {
        String out = output(new NoiseMultiplierCommand(), "--epsilon 8 --delta 1e-5 --sample-rate 0.04 --epochs 90");
        assertTrue(out.startsWith("noise multiplier = 1.41"), out);
    }

    @Test
    void noiseMultiplierCanSearchLikeOpacus() {
        String out = output(
                new NoiseMultiplierCommand(),
                "--epsilon 8 --delta 1e-5 --sample-rate 0.04 --epochs 90 --opacus-tolerance 0.01");
        assertTrue(out.startsWith("noise multiplier = 1.41602 "), out);
    }

    @Test
    void localDpHalvesTheNoiseMultiplierAndRefusesSampling() {
        Run local =
                run(new EpsilonCommand(), "--noise-multiplier 2 --sample-rate 1 --steps 100 --delta 1e-5 --local-dp");
        Run central = run(new EpsilonCommand(), "--noise-multiplier 1 --sample-rate 1 --steps 100 --delta 1e-5");
        assertEquals(0, local.exit(), local.err());
        assertEquals(central.out().split(" at ", -1)[0], local.out().split(" at ", -1)[0]);
        assertTrue(local.out().contains("local DP"), local.out());
        Run sampled =
                run(new EpsilonCommand(), "--noise-multiplier 2 --sample-rate 0.1 --steps 100 --delta 1e-5 --local-dp");
        assertRefused(sampled, "--sample-rate must be 1");
    }

    @Test
    void badValuesGiveOneErrorLineAndExitTwo() {
        Run r = run(new EpsilonCommand(), "--noise-multiplier 1 --sample-rate 0.01 --steps 10 --delta 2");
        assertEquals(2, r.exit());
        assertEquals("epsilon: delta must be in (0, 1), got 2.0", r.err().strip());
        Run s = run(new NoiseMultiplierCommand(), "--epsilon -1 --delta 1e-5 --sample-rate 0.01 --steps 10");
        assertEquals(2, s.exit());
        assertTrue(s.err().strip().startsWith("noise-multiplier: epsilon must be"), s.err());
        assertEquals(1, s.err().strip().lines().count());
    }

    @Test
    void usageErrorsExitTwo() {
        Run both =
                run(new EpsilonCommand(), "--noise-multiplier 1 --sample-rate 0.01 --steps 10 --epochs 1 --delta 1e-5");
        assertEquals(2, both.exit());
        Run badConversion = run(
                new EpsilonCommand(),
                "--noise-multiplier 1 --sample-rate 0.01 --steps 10 --delta 1e-5 --conversion fancy");
        assertRefused(badConversion, "conversion must be 'improved' or 'classic'");
    }

    @Test
    void helpDescribesEveryOption() {
        Run r = run(new EpsilonCommand(), "--help");
        assertEquals(0, r.exit());
        for (String option :
                new String[] {"--noise-multiplier", "--sample-rate", "--steps", "--epochs", "--delta", "--conversion"
                }) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
