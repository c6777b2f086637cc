package org.leakbench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic slice of a sweep: shard {@code index} of {@code count} takes every group (points sharing
 * expensive parameters and seed) whose position in the group order is {@code index} modulo {@code count}, so
 * groups stay whole and expensive builds are never repeated across shards.
 *
 * <p>A shard may instead carry an explicit set of "point_id|seed" keys (from a cost-balanced shard plan); it then
 * takes exactly those points.
 *
 * @param index 0-based shard index, in [0, count)
 * @param count number of shards, at least 1
 * @param only the "point_id|seed" keys this shard runs, or null for the modulo rule
 */
public record Shard(int index, int count, java.util.Set<String> only) {
    /** The whole sweep. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be in [0, " + (count - 1) + "], got " + index);
        }
        only = only == null ? null : java.util.Set.copyOf(only);
    }

    /** Shard {@code index} of {@code count} by the modulo rule. */
    public Shard(int index, int count) {
        this(index, count, null);
    }

    /** Shard {@code index} of {@code count} that runs exactly the points keyed "point_id|seed" in {@code keys}. */
    public static Shard of(int index, int count, java.util.Set<String> keys) {
        return new Shard(index, count, java.util.Objects.requireNonNull(keys, "keys"));
    }

    /** Parses "i/n" (0-based i). */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--shard must look like i/n with 0 <= i < n (e.g. 0/4), got '" + text + "'");
    }

    /** The points of {@code all} that belong to this shard, in order. */
    public List<SweepPoint> select(List<SweepPoint> all) {
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        List<SweepPoint> out = new ArrayList<>();
        for (SweepPoint p : all) {
            if (only != null) {
                if (only.contains(p.pointId() + "|" + p.seed())) {
                    out.add(p);
                }
                continue;
            }
            int g = groupIndex.computeIfAbsent(p.groupKey(), k -> groupIndex.size());
            if (g % count == index) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
