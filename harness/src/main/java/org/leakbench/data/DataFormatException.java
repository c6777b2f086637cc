package org.leakbench.data;

/**
 * A data file whose content is not what its format promises: wrong magic number, truncated header or body,
 * a bad CSV cell. The message names the file and the byte offset or line and column at fault.
 */
public class DataFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
