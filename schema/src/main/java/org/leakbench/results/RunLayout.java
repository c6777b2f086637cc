package org.leakbench.results;

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
    /** The accountant's epsilon over a grid of noise multipliers. */
    public static final String EPSILON = "epsilon.csv";
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

    private RunLayout() {
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
