package org.leakbench.results;

/**
 * A run-folder file that does not follow the schema: a missing required column, a row of the wrong width, text
 * that is not CSV. The message names the file and, where known, the line and the column.
 */
public class ResultFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String column;
    private final long line;
    private final String reason;

    /**
     * @param file   the file at fault (a name or path)
     * @param column the column at fault, or {@code null} when the whole file or row is at fault
     * @param line   the 1-based line in the file, or 0 when no single line is at fault
     * @param reason what is wrong
     */
    public ResultFileException(String file, String column, long line, String reason) {
        super(file + (line > 0 ? ", line " + line : "") + (column != null ? ", column '" + column + "'" : "") + ": "
                + reason);
        this.file = file;
        this.column = column;
        this.line = line;
        this.reason = reason;
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

    /** What is wrong, without the file, line and column. */
    public String reason() {
        return reason;
    }
}
