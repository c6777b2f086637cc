package org.leakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLayoutTest {
    @TempDir
    Path root;

    private Path run(String id, boolean withResults) throws IOException {
        Path run = Files.createDirectories(root.resolve(id));
        if (withResults) {
            Files.writeString(run.resolve(RunLayout.RESULTS), "point_id,seed,status\n");
        }
        return run;
    }

    @Test
    void aFolderAFileInsideAPointerAndARootAllNameTheRun() throws IOException {
        Path a = run("a", true);
        assertEquals(a.toRealPath(), RunLayout.resolve(a));
        assertEquals(a.toRealPath(), RunLayout.resolve(a.resolve(RunLayout.RESULTS)));
        Files.writeString(root.resolve(RunLayout.LATEST), "a\n");
        assertEquals(a.toRealPath(), RunLayout.resolve(root.resolve(RunLayout.LATEST)));
        assertEquals(a.toRealPath(), RunLayout.resolve(root), "a results root follows its latest");
    }

    @Test
    void aFolderWithoutResultsIsStillARunFolder() throws IOException {
        // A benchmark-only run has jmh/ but no results.csv; the JMH commands read it all the same.
        Path jmhOnly = run("bench", false);
        assertEquals(jmhOnly.toRealPath(), RunLayout.resolve(jmhOnly));
    }

    @Test
    void badPointersAndMissingFoldersAreNamed() throws IOException {
        Files.writeString(root.resolve(RunLayout.LATEST), "gone\n");
        ResultFileException e =
                assertThrows(ResultFileException.class, () -> RunLayout.resolve(root.resolve(RunLayout.LATEST)));
        assertTrue(e.getMessage().contains("gone"), e.getMessage());
        Files.writeString(root.resolve(RunLayout.LATEST), "a\nb\n");
        assertThrows(ResultFileException.class, () -> RunLayout.resolve(root.resolve(RunLayout.LATEST)));
        e = assertThrows(ResultFileException.class, () -> RunLayout.resolve(root.resolve("nowhere")));
        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("no such run folder"), e.getMessage());
    }

    @Test
    void reconstructionGridsAreNamedByPointAndSeed() {
        assertEquals("p001-s2.png", RunLayout.reconstruction("p001", 2));
        assertEquals("p001-s2.png", RunLayout.reconstruction("p001", "2"));
    }
}
