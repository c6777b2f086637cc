package org.leakbench.plots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns what the user named into a run folder. {@code results/latest} may be a symbolic link to the run folder
 * or, where links are not available, a text file holding the run id, resolved next to it.
 */
final class RunLocator {
    private RunLocator() {
    }

    static Path resolve(Path given) throws IOException {
        if (Files.isDirectory(given)) {
            // Follows a symbolic link, so a figure's path names the real run.
            return given.toRealPath();
        }
        if (Files.isRegularFile(given)) {
            String runId = Files.readString(given, StandardCharsets.UTF_8).strip();
            if (runId.isEmpty() || runId.contains("\n")) {
                throw new PlotInputException(given.toString(), null, 0,
                        "expected a single run id in a pointer file, found '" + runId + "'");
            }
            Path parent = given.toAbsolutePath().getParent();
            Path run = parent.resolve(runId);
            if (!Files.isDirectory(run)) {
                throw new PlotInputException(given.toString(), null, 0,
                        "points at run '" + runId + "' but " + run + " is not a folder");
            }
            return run.toRealPath();
        }
        throw new PlotInputException(given.toString(), null, 0, "no such run folder");
    }
}
