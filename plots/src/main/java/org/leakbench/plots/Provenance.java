package org.leakbench.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The few provenance fields a caption needs. Reading is lenient: {@code run_id}, {@code runId} or
 * {@code run-id} (at the top level or one object down), the same for the backend; a missing file or key gives
 * {@code "unknown"}.
 *
 * @param runId              the run id, or the run folder's name when the file has none
 * @param backend            the tensor backend, or {@code "unknown"}
 * @param backendDescription a longer description (BLAS vendor, device), or the empty string
 */
public record Provenance(String runId, String backend, String backendDescription) {

    /** Reads {@code provenance.json} in {@code runDir}, tolerating its absence. */
    public static Provenance read(Path runDir) throws IOException {
        String folderName = runDir.getFileName() == null ? "run" : runDir.getFileName().toString();
        Path file = runDir.resolve("provenance.json");
        if (!Files.isRegularFile(file)) {
            return new Provenance(folderName, "unknown", "");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new PlotInputException(file.toString(), null, 0, "not valid JSON: " + e.getMessage());
        }
        String runId = find(root, "runid");
        String backend = find(root, "backend");
        String description = find(root, "backenddescription");
        return new Provenance(runId == null ? folderName : runId, backend == null ? "unknown" : backend,
                description == null ? "" : description);
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

    // Keys compare without case, '_' or '-', so run_id, runId and run-id all match.
    private static String find(JsonNode node, String wanted) {
        String direct = findShallow(node, wanted);
        if (direct != null || node == null) {
            return direct;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            JsonNode child = it.next().getValue();
            if (child.isObject()) {
                String nested = findShallow(child, wanted);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String findShallow(JsonNode node, String wanted) {
        if (node == null || !node.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
            if (key.equals(wanted) && e.getValue().isValueNode() && !e.getValue().isNull()) {
                return e.getValue().asText();
            }
        }
        return null;
    }
}
