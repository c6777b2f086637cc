package org.leakbench.attack;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/** The attack's own randomness and a way for the harness to stop it (time limit). */
public record AttackContext(SplittableRandom rng, BooleanSupplier cancelled) {
    public static AttackContext seeded(long seed) {
        return new AttackContext(new SplittableRandom(seed), () -> false);
    }
}
