package org.leakbench.data;

/**
 * A data file or data set that could not be found. The message says where it was looked for and how to get it.
 */
public class DatasetNotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DatasetNotFoundException(String message) {
        super(message);
    }

    public DatasetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
