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
 * model, federated settings, defense, seed) and nothing else, so points that differ only in the victim's batch,
 * the attacked image or the attack share one training even across groups. Built once under concurrent
 * requests; a failed or cancelled build is dropped so that a later point tries again.
 */
final class UtilityCache {
    /** The parameters a utility training reads. */
    static final List<String> INPUTS = List.of(
            "dataset",
            "data.channels",
            "data.size",
            "model",
            "model.width",
            "model.depth",
            "model.activation",
            "model.heads",
            "model.init",
            "fl",
            "fl.clients",
            "fl.rounds",
            "fl.lr",
            "fl.partition",
            "fl.alpha",
            "fl.local-batch",
            "defense",
            "defense.param",
            "defense.clip",
            "dp.sampling",
            "dp.noise");

    private final ConcurrentHashMap<String, CompletableFuture<HeldOutScore>> scores = new ConcurrentHashMap<>();

    static String key(SweepPoint p) {
        StringBuilder sb = new StringBuilder();
        for (String name : INPUTS) {
            sb.append(name).append('=').append(Values.format(p.get(name))).append(';');
        }
        return sb.append("seed=").append(p.seed()).toString();
    }

    /** The score of {@code p}'s training: cached, or built by {@code train} once for all points sharing its key. */
    HeldOutScore score(SweepPoint p, Supplier<HeldOutScore> train) {
        String key = key(p);
        while (true) {
            CompletableFuture<HeldOutScore> mine = new CompletableFuture<>();
            CompletableFuture<HeldOutScore> existing = scores.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    HeldOutScore score = train.get();
                    if (score == null) {
                        throw new IllegalStateException("the utility training of " + key + " returned no score");
                    }
                    mine.complete(score);
                    return score;
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
