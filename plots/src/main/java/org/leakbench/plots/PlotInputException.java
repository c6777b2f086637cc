package org.leakbench.plots;

import org.leakbench.results.ResultFileException;

/**
 * Bad input in a run folder: a missing required column, an unknown metric, no rows, or a non-numeric value in
 * a metric column. The message names the file, the column and (where known) the line, as the schema's
 * {@link ResultFileException} does for the files it reads.
 */
public final class PlotInputException extends ResultFileException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the file at fault (a name or path)
     * @param column the column at fault, or {@code null} when the whole file is at fault
     * @param line   the 1-based line in the file, or 0 when no single line is at fault
     * @param reason what is wrong
     */
    public PlotInputException(String file, String column, long line, String reason) {
        super(file, column, line, reason);
    }

    /** The same fault, as a plotting error. */
    static PlotInputException of(ResultFileException e) {
        return new PlotInputException(e.file(), e.column(), e.line(), e.reason());
    }
}
