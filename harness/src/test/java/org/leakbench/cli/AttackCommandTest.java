package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakbench attack} measures the attack alone unless {@code --rounds} asks for the utility figure. */
class AttackCommandTest {
    @TempDir
    Path dir;

    private LeakBenchCliTest.Result attack(String... more) {
        String[] base = {
            "attack",
            "--attack",
            "analytic",
            "--model",
            "mlp",
            "--width",
            "0.25",
            "--depth",
            "1",
            "--index",
            "7",
            "--out",
            dir.toString()
        };
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return LeakBenchCliTest.run(args);
    }

    @Test
    void printsNoAccuracyUnlessRoundsAreAskedFor() {
        LeakBenchCliTest.Result alone = attack();
        assertEquals(0, alone.code(), alone.err());
        assertTrue(alone.out().contains("psnr"), alone.out());
        assertFalse(alone.out().contains("accuracy"), alone.out());

        LeakBenchCliTest.Result trained = attack("--rounds", "1");
        assertEquals(0, trained.code(), trained.err());
        assertTrue(trained.out().contains("accuracy"), trained.out());
    }

    @Test
    void theHelpSaysWhatTheRoundsAreFor() {
        LeakBenchCliTest.Result help = LeakBenchCliTest.run("attack", "--help");
        assertTrue(help.out().contains("0 runs the attack"), help.out());
    }
}
