package org.leakbench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Run folders under a results root: {@code results/<run-id>/}, and {@code results/latest}, which is a symbolic
 * link to the newest run or, where links cannot be made, a text file holding its run id.
 */
public final class RunFolders {
    /** The name of the pointer to the newest run. */
    public static final String LATEST = "latest";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunFolders() {
    }

    /** A fresh run id: {@code <sweep name>-<yyyyMMdd-HHmmss>}. */
    public static String newRunId(String sweepName) {
        return sweepName + "-" + LocalDateTime.now(ZoneId.systemDefault()).format(STAMP);
    }

    /** Points {@code root/latest} at {@code runFolder} (a link, or a file holding the run id). */
    public static void markLatest(Path root, Path runFolder) throws IOException {
        Path latest = root.resolve(LATEST);
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
     * Resolves what a user typed to a run folder: a run folder, a {@code results.csv} inside one, a
     * {@code latest} link or text file, or a results root holding {@code latest}.
     *
     * @throws IllegalArgumentException when none of these applies
     */
    public static Path resolve(Path path) throws IOException {
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".csv")) {
            return path.toAbsolutePath().getParent();
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().equals(LATEST)) {
            String id = Files.readString(path, StandardCharsets.UTF_8).trim();
            Path run = path.toAbsolutePath().getParent().resolve(id);
            if (!Files.isDirectory(run)) {
                throw new IllegalArgumentException(path + " names run '" + id + "', which does not exist");
            }
            return run;
        }
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve("results.csv"))) {
                return path.toRealPath();
            }
            Path latest = path.resolve(LATEST);
            if (Files.exists(latest, LinkOption.NOFOLLOW_LINKS)) {
                return resolve(latest);
            }
        }
        throw new IllegalArgumentException(path + " is not a run folder (no results.csv) nor a results folder "
                + "with a 'latest' run");
    }
}
