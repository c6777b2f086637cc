package org.leakbench.tensor;

/**
 * A backend cannot start on this machine (its native library is missing, or it was built for a GPU that
 * is not there). The message is one sentence that says why and what to do instead; the cause keeps the
 * library's own error for whoever needs the details.
 */
public final class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
