package org.leakbench.defense;

import java.util.SplittableRandom;
import org.leakbench.update.Update;

/**
 * A transformation a client applies to its update before sending it (compression, pruning, clipping,
 * noise). Implementations must not change the shapes of the update, must be deterministic for a given
 * {@code rng}, and must not modify their input.
 *
 * <p>A defense that keeps state per client (error feedback) returns a fresh instance from
 * {@link #forClient(int)}; the simulation calls it once per client and then uses that instance for every
 * round of that client, one round at a time.
 */
public interface UpdateDefense {
    /** The defended update, drawing any randomness from {@code rng}. */
    Update apply(Update update, SplittableRandom rng);

    /** A short name for result tables, with the main parameter, e.g. "topk-0.01". */
    String name();

    /**
     * Bytes the client uploads for {@code input} (the update this defense receives) once this defense has
     * encoded it. The default is dense float32: 4 bytes per entry.
     */
    default long bytesSent(Update input) {
        return input.plainBytes();
    }

    /** The instance to use for one client: {@code this} unless the defense keeps per-client state. */
    default UpdateDefense forClient(int clientId) {
        return this;
    }

    /** The identity: sends the update unchanged. */
    static UpdateDefense none() {
        return NoDefense.INSTANCE;
    }
}
