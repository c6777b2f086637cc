package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterSpec;

/** The command line validates component parameters at --dry-run and shows per-component defaults. */
class ComponentHelpTest {
    @TempDir
    Path dir;

    @Test
    void dryRunRefusesPruneOneAndAHalfWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("prune.yaml"), """
                name: prune
                grid:
                  attack: [dlg]
                  defenses:
                    - {name: prune, param: [1.5]}
                """);
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("sweep", file.toString(), "--dry-run");
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(
                r.err()
                        .contains("prune.yaml:5: grid.defenses.param: prune.fraction (defense.param of defense "
                                + "prune): value 1.5 is out of range [0, 1]"),
                r.err());
    }

    @Test
    void dryRunRefusesAnAttackTheModelCannotServeWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("dager.yaml"), """
                name: dager-on-cnn
                grid:
                  dataset: [natural-images]
                  model: [convnet]
                  batch: [1]
                  attack: [dager]
                """);
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("sweep", file.toString(), "--dry-run");
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains("attack 'dager' needs a transformer"), r.err());
    }

    @Test
    void listParametersShowsEveryComponentParameterWithItsDefault() {
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("sweep", "--list-parameters");
        assertEquals(0, r.code(), r.err());
        for (Component c : ComponentRegistry.installed().all()) {
            assertTrue(r.out().contains(c.name()), c.toString());
            for (ParameterSpec s : c.descriptor().ownParameters()) {
                assertTrue(
                        r.out().lines().anyMatch(l -> l.contains(" " + c.name() + " ") && l.contains(s.name())),
                        c + " " + s.name());
            }
        }
        assertTrue(r.out().lines().anyMatch(l -> l.matches("attack +ig +attack\\.iterations .* 24000 .*")), r.out());
    }

    @Test
    void attackHelpShowsEachAttacksDefaults() {
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("attack", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ig            attack.iterations = 24000"), r.out());
        assertTrue(r.out().contains("dlg           attack.iterations = 300"), r.out());
        assertTrue(r.out().contains("prune         prune.fraction = 0.2 in [0, 1]"), r.out());
    }
}
