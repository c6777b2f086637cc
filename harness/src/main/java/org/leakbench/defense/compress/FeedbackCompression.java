package org.leakbench.defense.compress;

import java.util.SplittableRandom;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.update.Update;

/**
 * A compressor of the flattened update, with optional error feedback. With feedback on, each instance
 * holds one client's residual; {@link #forClient} hands out a fresh instance per client.
 */
abstract class FeedbackCompression implements UpdateDefense {
    private final boolean errorFeedback;
    private final ErrorFeedback feedback;

    FeedbackCompression(boolean errorFeedback) {
        this.errorFeedback = errorFeedback;
        this.feedback = errorFeedback ? new ErrorFeedback() : null;
    }

    /** The compressed (decoded) values of {@code flat}, same length. */
    abstract float[] compress(float[] flat, Update shapes, SplittableRandom rng);

    /** A new instance with the same options and empty state. */
    abstract FeedbackCompression fresh();

    @Override
    public final Update apply(Update update, SplittableRandom rng) {
        float[] flat = update.flatten();
        if (!errorFeedback) {
            return update.withFlat(compress(flat, update, rng));
        }
        float[] corrected = feedback.corrected(flat);
        float[] sent = compress(corrected, update, rng);
        feedback.remember(corrected, sent);
        return update.withFlat(sent);
    }

    @Override
    public UpdateDefense forClient(int clientId) {
        return errorFeedback ? fresh() : this;
    }

    public boolean errorFeedback() {
        return errorFeedback;
    }

    /** This instance's residual (empty without error feedback or before the first update). */
    public float[] residual() {
        return errorFeedback ? feedback.residual() : new float[0];
    }

    String suffix() {
        return errorFeedback ? "-ef" : "";
    }
}
