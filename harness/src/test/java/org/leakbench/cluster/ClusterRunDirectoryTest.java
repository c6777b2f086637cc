package org.leakbench.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shard re-reads the sweep from the run folder's copy, but resolves relative file names against the original's folder. */
class ClusterRunDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void relativeFilesResolveAgainstTheSubmittedSweepsFolder() throws IOException {
        Path study = Files.createDirectories(dir.resolve("study"));
        ClusterRun run = new ClusterRun(Files.createDirectories(dir.resolve("run")));
        Files.writeString(
                run.folder().resolve(ClusterRun.SWEEP), "name: c\ngrid:\n  model: [mlp]\n", StandardCharsets.UTF_8);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("sweep_origin", "c.yaml");
        record.put(ClusterRun.SWEEP_DIRECTORY, study.toString());
        run.writeRecord(record);
        assertEquals(study.resolve("w.safetensors"), run.sweep().resolve("w.safetensors"));
    }
}
