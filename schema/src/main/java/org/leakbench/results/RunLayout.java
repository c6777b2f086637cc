package org.leakbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The files and folders of a run folder {@code results/<run-id>/}; {@code results/latest} names the newest run
 * (a symbolic link or a text file holding its id).
 */
public final class RunLayout {
    /** One row per sweep point and seed (see {@link ResultColumns}). */
    public static final String RESULTS = "results.csv";
    /** One row per victim of every reconstruction point (see {@link VictimColumns}). */
    public static final String VICTIMS = "victims.csv";
    /** What produced the run (see {@link ProvenanceFile}). */
    public static final String PROVENANCE = "provenance.json";
    /** ROC points of every membership-inference point. */
    public static final String ROC = "roc.csv";
    /** Bootstrap bands of the ROC of every membership-inference point, on a log-spaced FPR grid. */
    public static final String ROC_BANDS = "roc_bands.csv";
    /** The accountant's epsilon over a grid of noise multipliers. */
    public static final String EPSILON = "epsilon.csv";
    /** ε of every accountant against the number of steps, per DP setting of the run. */
    public static final String EPSILON_STEPS = "epsilon-steps.csv";
    /** JMH results of the benchmark suite. */
    public static final String JMH = "jmh";
    /** PNG and SVG figures. */
    public static final String FIGURES = "figures";
    /** LaTeX and Markdown tables. */
    public static final String TABLES = "tables";
    /** Image grids of reconstructions, {@code <point_id>-s<seed>.png}. */
    public static final String RECONSTRUCTIONS = "reconstructions";
    /** The report linking every figure and table. */
    public static final String REPORT = "report.md";
    /** The pointer to the newest run in a results root. */
    public static final String LATEST = "latest";

    private RunLayout() {}

    /**
     * The run folder a user named, the one rule for every command that reads run folders: a run folder (a
     * symbolic link such as {@code results/latest} is followed), a file inside one (such as its
     * {@code results.csv}), a pointer file holding a run id (a {@code latest} file where links cannot be made;
     * the id is resolved next to it), or a results root holding {@code latest}.
     *
     * @throws ResultFileException naming what was given when none of these applies
     */
    public static Path resolve(Path given) throws IOException {
        if (Files.isDirectory(given)) {
            Path latest = given.resolve(LATEST);
            if (!Files.exists(given.resolve(RESULTS)) && Files.exists(latest, LinkOption.NOFOLLOW_LINKS)) {
                return resolve(latest);
            }
            return given.toRealPath(); // follows a link, so outputs name the real run
        }
        String name = given.getFileName() == null ? "" : given.getFileName().toString();
        if (Files.isRegularFile(given) && (name.endsWith(".csv") || name.equals(PROVENANCE) || name.equals(REPORT))) {
            return given.toAbsolutePath().getParent().toRealPath();
        }
        if (Files.isRegularFile(given)) {
            String runId = Files.readString(given, StandardCharsets.UTF_8).strip();
            if (runId.isEmpty() || runId.contains("\n")) {
                throw new ResultFileException(
                        given.toString(), null, 0, "expected a single run id in a pointer file, found '" + runId + "'");
            }
            Path run = given.toAbsolutePath().getParent().resolve(runId);
            if (!Files.isDirectory(run)) {
                throw new ResultFileException(
                        given.toString(), null, 0, "points at run '" + runId + "' but " + run + " is not a folder");
            }
            return run.toRealPath();
        }
        throw new ResultFileException(given.toString(), null, 0, "no such run folder");
    }

    /** The file name of the reconstruction grid of one point and seed, inside {@link #RECONSTRUCTIONS}. */
    public static String reconstruction(String pointId, long seed) {
        return reconstruction(pointId, Long.toString(seed));
    }

    /** As {@link #reconstruction(String, long)}, for a seed as written in {@code results.csv}. */
    public static String reconstruction(String pointId, String seed) {
        return pointId + "-s" + seed + ".png";
    }
}
