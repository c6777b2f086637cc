package org.leakbench.defense;

import java.util.SplittableRandom;
import org.leakbench.update.Update;

/** An {@link UpdateDefense} that transforms the update as one flat vector (noise, local DP). */
public final class FlatDefense implements UpdateDefense {
    /** A transformation of the flattened update, drawing randomness from {@code rng}. */
    public interface Transform {
        float[] apply(float[] flat, SplittableRandom rng);
    }

    private final String label;
    private final Transform transform;

    public FlatDefense(String label, Transform transform) {
        this.label = label;
        this.transform = transform;
    }

    @Override
    public Update apply(Update update, SplittableRandom rng) {
        return update.withFlat(transform.apply(update.flatten(), rng));
    }

    @Override
    public String name() {
        return label;
    }
}
