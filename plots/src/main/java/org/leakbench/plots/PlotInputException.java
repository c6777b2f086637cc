package org.leakbench.plots;

/**
 * Bad input in a run folder: a missing required column, an unknown metric, no rows, or a non-numeric value in
 * a metric column. The message names the file, the column and (where known) the line.
 */
public final class PlotInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String column;
    private final long line;

    /**
     * @param file   the file at fault (a name or path)
     * @param column the column at fault, or {@code null} when the whole file is at fault
     * @param line   the 1-based line in the file, or 0 when no single line is at fault
     * @param reason what is wrong
     */
    public PlotInputException(String file, String column, long line, String reason) {
        super(file + (line > 0 ? ", line " + line : "") + (column != null ? ", column '" + column + "'" : "")
                + ": " + reason);
        this.file = file;
        this.column = column;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The column at fault, or {@code null}. */
    public String column() {
        return column;
    }

    /** The 1-based line at fault, or 0. */
    public long line() {
        return line;
    }
}
