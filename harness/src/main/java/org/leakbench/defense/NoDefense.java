package org.leakbench.defense;

import java.util.SplittableRandom;
import org.leakbench.update.Update;

/** The identity defense, the baseline of every comparison. */
final class NoDefense implements UpdateDefense {
    static final NoDefense INSTANCE = new NoDefense();

    private NoDefense() {}

    @Override
    public Update apply(Update update, SplittableRandom rng) {
        return update;
    }

    @Override
    public String name() {
        return "none";
    }
}
