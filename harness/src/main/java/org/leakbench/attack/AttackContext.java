package org.leakbench.attack;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The attack's own randomness and the two ways it is stopped early: the harness cancels it ({@code cancelled}
 * turns true, or its thread is interrupted), or its own time budget, counted from when the context was made,
 * runs out. Iterative attacks poll {@link #stopRequested()} between iterations and then return
 * {@link #stopStatus()}: {@link AttackResult#CANCELLED} or {@link AttackResult#TIMEOUT}.
 *
 * @param budgetNanos the time budget in nanoseconds, or {@link Long#MAX_VALUE} for none
 * @param startNanos  {@link System#nanoTime()} when the budget started
 */
public record AttackContext(SplittableRandom rng, BooleanSupplier cancelled, long budgetNanos, long startNanos) {
    public AttackContext {
        if (rng == null || cancelled == null) {
            throw new IllegalArgumentException("attack context: rng and cancellation must be given");
        }
        if (budgetNanos < 0) {
            throw new IllegalArgumentException("attack context: time budget must be >= 0 ns, got " + budgetNanos);
        }
    }

    /** A context without a time budget. */
    public AttackContext(SplittableRandom rng, BooleanSupplier cancelled) {
        this(rng, cancelled, Long.MAX_VALUE, System.nanoTime());
    }

    public static AttackContext seeded(long seed) {
        return new AttackContext(new SplittableRandom(seed), () -> false);
    }

    /** This context with a time budget that starts now. */
    public AttackContext withBudget(Duration budget) {
        if (budget == null || budget.isNegative()) {
            throw new IllegalArgumentException("attack time budget must be >= 0, got " + budget);
        }
        return new AttackContext(rng, cancelled, budget.toNanos(), System.nanoTime());
    }

    /** Whether the harness asked the attack to stop (cancellation or an interrupted thread). */
    public boolean cancelledByHarness() {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Whether the time budget has run out. */
    public boolean outOfTime() {
        return budgetNanos != Long.MAX_VALUE && System.nanoTime() - startNanos >= budgetNanos;
    }

    /** Whether the attack should stop now, for either reason. */
    public boolean stopRequested() {
        return cancelledByHarness() || outOfTime();
    }

    /** The status an attack that stopped early reports: {@code cancelled} wins over {@code timeout}. */
    public String stopStatus() {
        return cancelledByHarness() ? AttackResult.CANCELLED : AttackResult.TIMEOUT;
    }
}
