package org.leakbench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.leakbench.results.RunLayout;

/**
 * Run folders under a results root: {@code results/<run-id>/}, and {@code results/latest}, which is a symbolic
 * link to the newest run or, where links cannot be made, a text file holding its run id.
 */
public final class RunFolders {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {}

    /** A fresh run id: {@code <sweep name>-<yyyyMMdd-HHmmss>}. */
    public static String newRunId(String sweepName) {
        return sweepName + "-" + LocalDateTime.now(ZoneId.systemDefault()).format(STAMP);
    }

    /** Points {@code root/latest} at {@code runFolder} (a link, or a file holding the run id). */
    public static void markLatest(Path root, Path runFolder) throws IOException {
        Path latest = root.resolve(RunLayout.LATEST);
        if (Files.isDirectory(latest, LinkOption.NOFOLLOW_LINKS)) {
            return; // a real folder called "latest": leave it alone
        }
        Files.deleteIfExists(latest);
        try {
            Files.createSymbolicLink(latest, runFolder.getFileName());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Files.writeString(latest, runFolder.getFileName().toString() + "\n", StandardCharsets.UTF_8);
        }
    }

    /**
     * Resolves what a user typed to a run folder, by the schema's rule ({@link RunLayout#resolve}): a run
     * folder, a file inside one, a {@code latest} link or text file, or a results root holding {@code latest}.
     *
     * @throws IllegalArgumentException when none of these applies
     */
    public static Path resolve(Path path) throws IOException {
        return RunLayout.resolve(path);
    }
}
