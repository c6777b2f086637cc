package org.leakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenKeysReadBackUnchangedAndInOrder() throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(ProvenanceFile.FORMAT_VERSION_KEY, ProvenanceFile.FORMAT_VERSION);
        p.put(ProvenanceFile.RUN_ID, "quick-1");
        p.put(ProvenanceFile.SEEDS, List.of(1, 2));
        p.put(ProvenanceFile.END, null);
        Path file = dir.resolve(RunLayout.PROVENANCE);
        ProvenanceFile.write(file, p);
        assertEquals(p, ProvenanceFile.read(file));
        assertEquals(
                List.copyOf(p.keySet()), List.copyOf(ProvenanceFile.read(file).keySet()));
        assertFalse(Files.exists(dir.resolve(RunLayout.PROVENANCE + ".tmp")));
    }

    @Test
    void olderSpellingsReadAsTheOneSpelling() throws IOException {
        Path file = dir.resolve(RunLayout.PROVENANCE);
        Files.writeString(
                file,
                "{\"runId\": \"abc\", \"backend\": \"nd4j\", \"backend-description\": \"OpenBLAS\","
                        + " \"git\": {\"commit\": \"0000000\", \"dirty\": false}}");
        Map<String, Object> p = ProvenanceFile.read(file);
        assertEquals("abc", p.get(ProvenanceFile.RUN_ID));
        assertEquals("OpenBLAS", p.get(ProvenanceFile.BACKEND_DESCRIPTION));
        assertEquals("0000000", p.get(ProvenanceFile.GIT_COMMIT));
        assertEquals(false, p.get(ProvenanceFile.GIT_DIRTY));
        assertFalse(p.containsKey("runId"), "an alias is renamed, not kept twice");
    }

    @Test
    void theOneSpellingWinsOverAnAlias() throws IOException {
        Path file = dir.resolve(RunLayout.PROVENANCE);
        Files.writeString(file, "{\"run_id\": \"current\", \"run-id\": \"old\"}");
        assertEquals("current", ProvenanceFile.read(file).get(ProvenanceFile.RUN_ID));
    }

    @Test
    void everyAliasNamesADeclaredKey() {
        ProvenanceFile.ALIASES
                .values()
                .forEach(k -> assertTrue(ProvenanceFile.REQUIRED.contains(k) || k.equals(ProvenanceFile.RUN_ID), k));
    }

    @Test
    void brokenJsonNamesTheFile() throws IOException {
        Path file = dir.resolve(RunLayout.PROVENANCE);
        Files.writeString(file, "{\"run_id\": ");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProvenanceFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void textIgnoresNestedValues() {
        Map<String, Object> p = Map.of(ProvenanceFile.CPU, "x86", ProvenanceFile.SWEEP, Map.of("name", "q"));
        assertEquals("x86", ProvenanceFile.text(p, ProvenanceFile.CPU, ""));
        assertEquals("", ProvenanceFile.text(p, ProvenanceFile.SWEEP, ""));
        assertEquals("?", ProvenanceFile.text(p, ProvenanceFile.CORES, "?"));
    }
}
