package org.leakbench.sweep;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Expensive builds shared by the points of one group, built once even under concurrent requests, and dropped
 * when the group's last point has finished.
 */
final class GroupCache {
    private final Map<String, Map<String, CompletableFuture<Object>>> byGroup = new ConcurrentHashMap<>();
    private final Map<String, Integer> remaining = new HashMap<>();

    /** Declares how many points of each group will run (call before starting). */
    synchronized void expect(String groupKey) {
        remaining.merge(groupKey, 1, Integer::sum);
    }

    /** Marks one point of {@code groupKey} finished; frees the group's builds after the last. */
    synchronized void finished(String groupKey) {
        int left = remaining.merge(groupKey, -1, Integer::sum);
        if (left <= 0) {
            remaining.remove(groupKey);
            byGroup.remove(groupKey);
        }
    }

    @SuppressWarnings("unchecked")
    <T> T get(String groupKey, String key, Supplier<T> build) {
        Map<String, CompletableFuture<Object>> group =
                byGroup.computeIfAbsent(groupKey, k -> new ConcurrentHashMap<>());
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = group.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(build.get());
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            }
            return (T) mine.join();
        }
        try {
            return (T) existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while waiting for shared build " + key);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("shared build '" + key + "' failed: " + cause.getMessage(), cause);
        }
    }
}
