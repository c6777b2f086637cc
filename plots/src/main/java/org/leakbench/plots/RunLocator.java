package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Path;
import org.leakbench.results.ResultFileException;
import org.leakbench.results.RunLayout;

/**
 * Turns what the user named into a run folder by the schema's rule ({@link RunLayout#resolve}):
 * {@code results/latest} may be a symbolic link to the run folder or, where links are not available, a text
 * file holding the run id, resolved next to it.
 */
final class RunLocator {
    private RunLocator() {}

    static Path resolve(Path given) throws IOException {
        try {
            return RunLayout.resolve(given);
        } catch (ResultFileException e) {
            throw PlotInputException.of(e);
        }
    }
}
