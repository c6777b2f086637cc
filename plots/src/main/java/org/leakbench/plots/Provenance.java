package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.RunLayout;

/**
 * The few provenance fields a caption needs, read with the schema's {@link ProvenanceFile} (which also reads the
 * older spellings it lists). A missing file gives the run folder's name and {@code "unknown"}.
 *
 * @param runId              the run id, or the run folder's name when the file has none
 * @param backend            the tensor backend, or {@code "unknown"}
 * @param backendDescription a longer description (BLAS vendor, device), or the empty string
 */
public record Provenance(String runId, String backend, String backendDescription) {

    /** Reads {@code provenance.json} in {@code runDir}, tolerating its absence. */
    public static Provenance read(Path runDir) throws IOException {
        String folderName =
                runDir.getFileName() == null ? "run" : runDir.getFileName().toString();
        Path file = runDir.resolve(RunLayout.PROVENANCE);
        if (!Files.isRegularFile(file)) {
            return new Provenance(folderName, "unknown", "");
        }
        Map<String, Object> p;
        try {
            p = ProvenanceFile.read(file);
        } catch (IllegalArgumentException e) {
            throw new PlotInputException(file.toString(), null, 0, e.getMessage());
        }
        return new Provenance(
                ProvenanceFile.text(p, ProvenanceFile.RUN_ID, folderName),
                ProvenanceFile.text(p, ProvenanceFile.BACKEND, "unknown"),
                ProvenanceFile.text(p, ProvenanceFile.BACKEND_DESCRIPTION, ""));
    }

    /** The caption suffix: run id and backend. */
    public String captionTag() {
        return "run " + runId + ", backend " + backend
                + (backendDescription.isBlank() ? "" : " (" + backendDescription + ")");
    }

    /**
     * The caption suffix of JMH tables: the run id alone. Their backends are the benchmarks' own, described
     * with their thread counts in the caption; the sweep's backend in provenance.json is not theirs.
     */
    public String runTag() {
        return "run " + runId;
    }
}
