package org.leakbench.fl;

import org.leakbench.update.Update;

/**
 * The server's result of one round's aggregation.
 *
 * @param mean           the mean of the clients' updates (metadata of the first update)
 * @param countsUploads  true when {@code bytesUp} is the clients' whole upload for the round (a secure
 *                       protocol, whose masked messages replace the plain updates); false when the clients'
 *                       upload is what their defenses report and {@code bytesUp} is extra
 * @param bytesUp        bytes clients send to the server for the aggregation protocol
 * @param bytesDown      bytes the server sends to clients for the protocol, beyond the global model
 */
public record Aggregate(Update mean, boolean countsUploads, long bytesUp, long bytesDown) {
    public Aggregate {
        if (mean == null) {
            throw new IllegalArgumentException("aggregate: the mean update must be given");
        }
        if (bytesUp < 0 || bytesDown < 0) {
            throw new IllegalArgumentException(
                    "aggregate: bytes must be non-negative, got up=" + bytesUp + ", down=" + bytesDown);
        }
    }
}
