package org.leakbench.pipeline;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.leakbench.model.HeldOutScore;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.sweep.Values;

/**
 * Final test scores (accuracy and mean loss) of the run's federated trainings, keyed by what the training depends on (data set,
 * model, federated settings, defense, seed: every parameter but the attack's side), so points that differ only in the victim's batch,
 * the attacked image or the attack share one training even across groups. Built once under concurrent
 * requests; a failed or cancelled build is dropped so that a later point tries again.
 */
final class UtilityCache {
    /**
     * The parameters a utility training never reads: who attacks and how, which victims, and how success is
     * judged. Every other parameter is part of the key, so a new model, data or defense parameter (model.norm,
     * text.context, ...) can never let two different trainings share one score.
     */
    static final List<String> ATTACK_SIDE_PREFIXES = List.of("attack", "mia.", "success.");

    static final java.util.Set<String> ATTACK_SIDE = java.util.Set.of("batch", "image", "victims", "threat");

    /** Parameters that change what is reported about a training but not the training: which accountant. */
    static final java.util.Set<String> REPORTING_ONLY = java.util.Set.of("dp.accountant");

    /** What a training leaves for its rows: the final score and how its clipping compared with the norms. */
    record Outcome(HeldOutScore score, ClipReport clip) {}

    private final ConcurrentHashMap<String, CompletableFuture<Outcome>> scores = new ConcurrentHashMap<>();

    static String key(SweepPoint p) {
        StringBuilder sb = new StringBuilder();
        for (String name : new java.util.TreeSet<>(p.params().keySet())) {
            if (ATTACK_SIDE.contains(name)
                    || REPORTING_ONLY.contains(name)
                    || ATTACK_SIDE_PREFIXES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            sb.append(name).append('=').append(Values.format(p.get(name))).append(';');
        }
        return sb.append("seed=").append(p.seed()).toString();
    }

    /** The score of {@code p}'s training: cached, or built by {@code train} once for all points sharing its key. */
    HeldOutScore score(SweepPoint p, Supplier<HeldOutScore> train) {
        return outcome(p, () -> {
                    HeldOutScore score = train.get();
                    return score == null ? null : new Outcome(score, ClipReport.NONE);
                })
                .score();
    }

    /** As {@link #score}, with what the training's clipping saw. */
    Outcome outcome(SweepPoint p, Supplier<Outcome> train) {
        String key = key(p);
        while (true) {
            CompletableFuture<Outcome> mine = new CompletableFuture<>();
            CompletableFuture<Outcome> existing = scores.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    Outcome outcome = train.get();
                    if (outcome == null) {
                        throw new IllegalStateException("the utility training of " + key + " returned no score");
                    }
                    mine.complete(outcome);
                    return outcome;
                } catch (RuntimeException | Error e) {
                    scores.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            try {
                return existing.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the utility training of " + key);
            } catch (ExecutionException e) {
                // The point that built it failed (or timed out); its entry is gone: build it here.
            }
        }
    }
}
