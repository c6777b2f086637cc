package org.leakbench.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.Tier;

/** Expands a sweep's blocks into ordered, grouped, de-duplicated points. */
final class SweepExpander {
    private SweepExpander() {}

    /** Marks a parameter the block leaves out (its default depends on the point's components). */
    private static final Object UNSET_VALUE = new Object();

    private static final List<Object> UNSET = List.of(UNSET_VALUE);

    private static boolean isChoice(String name) {
        for (ComponentKind k : ComponentKind.values()) {
            if (k.parameter().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static List<SweepPoint> expand(Sweep sweep) {
        ParameterRegistry registry = sweep.registry();
        // Expensive-parameter combination -> its parameter maps, in first-appearance order.
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, List<Object>> block : sweep.blocks()) {
            List<List<Object>> axes = new ArrayList<>();
            for (ParameterSpec spec : registry.specs()) {
                axes.add(block.getOrDefault(spec.name(), UNSET));
            }
            int[] at = new int[axes.size()];
            while (true) {
                Map<String, Object> params = new LinkedHashMap<>();
                int i = 0;
                for (ParameterSpec spec : registry.specs()) {
                    params.put(spec.name(), axes.get(i).get(at[i]));
                    i++;
                }
                // What the block leaves out takes the chosen components' defaults (ig's iterations), else the
                // spec's: chosen components are named in the block or take their own spec default first.
                params.replaceAll((name, v) -> v == UNSET_VALUE && !isChoice(name) ? null : v);
                for (Map.Entry<String, Object> e : params.entrySet()) {
                    if (e.getValue() == UNSET_VALUE) {
                        e.setValue(registry.get(e.getKey()).defaultValue());
                    }
                }
                for (Map.Entry<String, Object> e : params.entrySet()) {
                    if (e.getValue() == null) {
                        e.setValue(registry.defaultFor(e.getKey(), params));
                    }
                }
                String canonical = canonical(params, registry, null);
                if (seen.add(canonical)) {
                    groups.computeIfAbsent(canonical(params, registry, Tier.EXPENSIVE), k -> new ArrayList<>())
                            .add(params);
                }
                if (!advance(at, axes)) {
                    break;
                }
            }
        }
        List<SweepPoint> points = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> group : groups.entrySet()) {
            for (long seed : sweep.seeds()) {
                String groupKey = "g" + hash(group.getKey() + "|seed=" + seed, 8);
                for (Map<String, Object> params : group.getValue()) {
                    String id = hash(canonical(params, registry, null) + "|seed=" + seed, 12);
                    points.add(new SweepPoint(points.size(), params, seed, id, groupKey));
                }
            }
        }
        return points;
    }

    /** Odometer step over the axes, last axis fastest; false when wrapped around. */
    private static boolean advance(int[] at, List<List<Object>> axes) {
        for (int i = at.length - 1; i >= 0; i--) {
            if (++at[i] < axes.get(i).size()) {
                return true;
            }
            at[i] = 0;
        }
        return false;
    }

    /**
     * name=value;... over the parameters (or only those of {@code tier}) that differ from their defaults, in
     * registry order. Leaving defaults out keeps point ids stable when a new parameter is registered, so adding
     * a knob never orphans the rows of an existing results file; changing a default is a format change.
     */
    static String canonical(Map<String, Object> params, ParameterRegistry registry, Tier tier) {
        StringBuilder sb = new StringBuilder();
        for (ParameterSpec spec : registry.specs()) {
            if (tier == null || spec.tier() == tier) {
                String value = Values.format(params.get(spec.name()));
                if (!value.equals(Values.format(spec.defaultValue()))) {
                    sb.append(spec.name()).append('=').append(value).append(';');
                }
            }
        }
        return sb.toString();
    }

    static String hash(String text, int hexChars) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
