package org.leakbench.defense;

/**
 * What a defense costs a client for one update: the bytes it uploads and the time the defense took.
 *
 * @param bytesSent bytes uploaded for this update
 * @param nanos     wall-clock time spent in the defense, in nanoseconds
 */
public record DefenseCost(long bytesSent, long nanos) {
    public DefenseCost {
        if (bytesSent < 0 || nanos < 0) {
            throw new IllegalArgumentException(
                    "defense cost must be non-negative, got bytesSent=" + bytesSent + ", nanos=" + nanos);
        }
    }
}
