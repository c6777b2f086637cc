package org.leakbench.pipeline;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.DoubleSupplier;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.sweep.Values;

/**
 * Final test accuracies of the run's federated trainings, keyed by what the training depends on (data set,
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

    private final ConcurrentHashMap<String, CompletableFuture<Double>> accuracies = new ConcurrentHashMap<>();

    static String key(SweepPoint p) {
        StringBuilder sb = new StringBuilder();
        for (String name : INPUTS) {
            sb.append(name).append('=').append(Values.format(p.get(name))).append(';');
        }
        return sb.append("seed=").append(p.seed()).toString();
    }

    double accuracy(SweepPoint p, DoubleSupplier train) {
        String key = key(p);
        while (true) {
            CompletableFuture<Double> mine = new CompletableFuture<>();
            CompletableFuture<Double> existing = accuracies.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    double acc = train.getAsDouble();
                    mine.complete(acc);
                    return acc;
                } catch (RuntimeException | Error e) {
                    accuracies.remove(key, mine);
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
