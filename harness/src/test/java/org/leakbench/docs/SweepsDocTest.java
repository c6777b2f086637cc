package org.leakbench.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterSpec;
import org.leakbench.sweep.ComponentTable;

/**
 * {@code SWEEPS.md} lists every registered component and each parameter it reads, as the registry declares
 * them. With {@code -Dsweeps.doc.update=true} the test rewrites the table instead of failing.
 */
class SweepsDocTest {
    static final String BEGIN = "<!-- components:begin";
    static final String END = "<!-- components:end -->";

    static Path doc() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("harness").resolve("SWEEPS.md"))) {
                return p.resolve("harness").resolve("SWEEPS.md");
            }
        }
        throw new AssertionError(
                "cannot find harness/SWEEPS.md above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theComponentTableIsTheRegistrys() throws IOException {
        Path file = doc();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "SWEEPS.md needs the markers " + BEGIN + " ... " + END);
        int from = text.indexOf('\n', begin) + 1;
        String expected = ComponentTable.markdown(ComponentRegistry.installed());
        if (Boolean.getBoolean("sweeps.doc.update")) {
            Files.writeString(file, text.substring(0, from) + expected + text.substring(end), StandardCharsets.UTF_8);
            text = Files.readString(file, StandardCharsets.UTF_8);
            from = text.indexOf('\n', text.indexOf(BEGIN)) + 1;
            end = text.indexOf(END);
        }
        String table = text.substring(from, end);
        for (Component c : ComponentRegistry.installed().all()) {
            for (ParameterSpec s : c.descriptor().ownParameters()) {
                assertTrue(
                        table.lines().anyMatch(l -> l.contains("| " + c.name()) && l.contains("`" + s.name() + "`")),
                        "SWEEPS.md lacks parameter " + s.name() + " of " + c + "; run this test with "
                                + "-Dsweeps.doc.update=true");
            }
        }
        assertEquals(
                expected,
                table,
                "SWEEPS.md's component table differs from the registry; run this test with "
                        + "-Dsweeps.doc.update=true");
    }
}
