package org.leakbench.defense.secagg;

/**
 * The secure-aggregation protocol cannot finish: too few clients remain to reach the threshold, a secret
 * cannot be reconstructed, or an honest client refuses a request that would break its privacy. No partial
 * sum is ever returned alongside this exception.
 */
public class SecAggException extends RuntimeException {
    public SecAggException(String message) {
        super(message);
    }

    public SecAggException(String message, Throwable cause) {
        super(message, cause);
    }
}
