package org.leakbench.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ParameterSpec;

/**
 * A validated sweep: a name, seeds, backend, per-point time limit and one or more grid blocks. Each block maps
 * parameter names to lists of values (parameters it does not name take their registry default); a sweep with
 * per-variant grids (e.g. {@code defenses:}) has one block per variant. Build one with {@link SweepParser} or
 * {@link Presets}.
 *
 * @param name run-name prefix
 * @param description free text, may be empty
 * @param seeds seeds, one row per point and seed
 * @param backend tensor backend name
 * @param timeout per-point time limit
 * @param blocks grid blocks; the sweep's points are the union of each block's cartesian product
 * @param registry the registry the values were checked against
 * @param origin file or preset the sweep came from
 * @param source the sweep file's text (recorded in provenance)
 * @param directory the folder relative file names in the sweep (such as {@code model.init}) are resolved
 *     against: the sweep file's folder, or the working directory for a preset or a text
 */
public record Sweep(
        String name,
        String description,
        List<Long> seeds,
        String backend,
        Duration timeout,
        List<Map<String, List<Object>>> blocks,
        ParameterRegistry registry,
        String origin,
        String source,
        java.nio.file.Path directory) {

    public Sweep {
        Objects.requireNonNull(registry, "registry");
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(
                    "sweep name '" + name + "' must use only letters, digits, '.', '_', '-'");
        }
        if (seeds == null || seeds.isEmpty()) {
            throw new IllegalArgumentException("sweep " + name + ": seeds must not be empty");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sweep " + name + ": timeout must be positive, got " + timeout);
        }
        if (blocks == null || blocks.isEmpty()) {
            throw new IllegalArgumentException("sweep " + name + ": grid is empty");
        }
        seeds = List.copyOf(new LinkedHashSet<>(seeds));
        List<Map<String, List<Object>>> copy = new ArrayList<>();
        for (Map<String, List<Object>> b : blocks) {
            Map<String, List<Object>> m = new LinkedHashMap<>();
            b.forEach((k, v) -> m.put(registry.get(k).name(), List.copyOf(v)));
            copy.add(java.util.Collections.unmodifiableMap(m));
        }
        blocks = List.copyOf(copy);
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        directory = (directory == null ? java.nio.file.Path.of("") : directory).toAbsolutePath();
    }

    /** A sweep whose relative file names resolve against the working directory. */
    public Sweep(
            String name,
            String description,
            List<Long> seeds,
            String backend,
            Duration timeout,
            List<Map<String, List<Object>>> blocks,
            ParameterRegistry registry,
            String origin,
            String source) {
        this(name, description, seeds, backend, timeout, blocks, registry, origin, source, null);
    }

    /** {@code file} as written in the sweep: absolute, or relative to {@link #directory()}. */
    public java.nio.file.Path resolve(String file) {
        return directory.resolve(file).normalize();
    }

    /** The same sweep with relative file names resolved against {@code folder}. */
    public Sweep withDirectory(java.nio.file.Path folder) {
        return new Sweep(name, description, seeds, backend, timeout, blocks, registry, origin, source, folder);
    }

    /** The same sweep on another backend. */
    public Sweep withBackend(String newBackend) {
        return new Sweep(name, description, seeds, newBackend, timeout, blocks, registry, origin, source, directory);
    }

    /** The same sweep with another per-point time limit. */
    public Sweep withTimeout(Duration newTimeout) {
        return new Sweep(name, description, seeds, backend, newTimeout, blocks, registry, origin, source, directory);
    }

    /**
     * Every point in a deterministic order: points sharing expensive parameters and seed are adjacent (groups in
     * order of first appearance), seeds vary inside an expensive group, cheap parameters vary fastest.
     */
    public List<SweepPoint> points() {
        return SweepExpander.expand(this);
    }

    /** Every parameter's list of values across all blocks, after defaults (registry order). */
    public Map<String, List<Object>> resolved() {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (ParameterSpec spec : registry.specs()) {
            Set<Object> values = new LinkedHashSet<>();
            for (Map<String, List<Object>> b : blocks) {
                if (b.containsKey(spec.name())) {
                    values.addAll(b.get(spec.name()));
                } else {
                    for (Map<String, Object> choice : choices(b)) {
                        values.add(registry.defaultFor(spec.name(), choice));
                    }
                }
            }
            out.put(spec.name(), List.copyOf(values));
        }
        return out;
    }

    /** Every combination of the components a block chooses (kind parameter to name). */
    private List<Map<String, Object>> choices(Map<String, List<Object>> block) {
        List<Map<String, Object>> out = List.of(Map.of());
        for (ComponentKind k : ComponentKind.values()) {
            List<Object> names = block.getOrDefault(
                    k.parameter(),
                    registry.find(k.parameter())
                            .map(s -> List.of(s.defaultValue()))
                            .orElse(List.of()));
            if (names.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> c : out) {
                for (Object n : names) {
                    Map<String, Object> m = new LinkedHashMap<>(c);
                    m.put(k.parameter(), n);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }
}
