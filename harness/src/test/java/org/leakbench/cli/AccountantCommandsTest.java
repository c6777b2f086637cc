package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leakbench.cli.DpCommandsTest.assertRefused;
import static org.leakbench.cli.DpCommandsTest.output;
import static org.leakbench.cli.DpCommandsTest.run;

import org.junit.jupiter.api.Test;

/** {@code --accountant} on the epsilon and noise-multiplier commands. */
class AccountantCommandsTest {
    private static final String OPACUS = "--noise-multiplier 1.5 --sample-rate 0.04 --steps 2250 --delta 1e-5";

    @Test
    void prvPrintsItsBounds() {
        String out = output(new EpsilonCommand(), OPACUS + " --accountant prv");
        assertTrue(out.startsWith("epsilon = 6.77") && out.contains("prv accountant"), out);
        assertTrue(out.contains("prv bounds: 6.75") && out.contains("estimate 6.76"), out);
        assertEquals(1, out.strip().lines().count());
    }

    @Test
    void gdpStatesItsCaveat() {
        String out = output(new EpsilonCommand(), OPACUS + " --accountant gdp");
        assertTrue(out.startsWith("epsilon = 6.60") && out.contains("not an upper bound"), out);
    }

    @Test
    void rdpIsTheDefaultAndUnchanged() {
        assertEquals(output(new EpsilonCommand(), OPACUS), output(new EpsilonCommand(), OPACUS + " --accountant RDP"));
    }

    @Test
    void noiseMultiplierSearchesWithTheChosenAccountant() {
        String out = output(
                new NoiseMultiplierCommand(),
                "--epsilon 8 --delta 1e-5 --sample-rate 0.04 --epochs 90 --accountant gdp --opacus-tolerance 0.01");
        assertTrue(out.startsWith("noise multiplier = 1.32324 for epsilon = 8.0") && out.contains("gdp"), out);
    }

    @Test
    void badAccountantAndConversionMisuseAreRefused() {
        assertRefused(run(new EpsilonCommand(), OPACUS + " --accountant moments"), "rdp, prv, pld, gdp");
        assertRefused(
                run(new EpsilonCommand(), OPACUS + " --accountant pld --conversion classic"),
                "--conversion applies to the rdp accountant only");
        assertRefused(
                run(
                        new EpsilonCommand(),
                        "--noise-multiplier 0 --sample-rate 0.04 --steps 10 --delta 1e-5 --accountant prv"),
                "noiseMultiplier must be finite and > 0");
    }
}
