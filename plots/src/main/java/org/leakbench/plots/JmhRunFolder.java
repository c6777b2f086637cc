package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The run folder a JMH suite writes into, found the way the plots find it: a folder, a symbolic link such as
 * {@code results/latest}, or a text file holding a run id. Public so that the benchmark runner and the
 * comparison command resolve {@code results/latest} exactly like {@link Plots#renderRun(Path)}.
 */
public final class JmhRunFolder {
    private JmhRunFolder() {}

    /** The real run folder behind {@code given}, or a {@link PlotInputException} saying why there is none. */
    public static Path resolve(Path given) throws IOException {
        return RunLocator.resolve(given);
    }
}
