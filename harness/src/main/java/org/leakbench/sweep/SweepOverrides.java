package org.leakbench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.component.ParamType;
import org.leakbench.component.ParameterSpec;

/**
 * Command-line overrides of a sweep ({@code leakbench sweep modern --set attack.iterations=20 --set victims=1}):
 * each {@code name=v1,v2} replaces the values of parameter {@code name} in every grid block that lists it, so a
 * preset runs reduced without copying its file; {@code seeds=1,2} replaces the seeds. A block that does not list
 * the parameter keeps its default there (so an override never adds a parameter to a component that has no use
 * for it). An override no block lists, an unknown name or a value outside the parameter's range is an error
 * naming the override, so a typo never silently runs the full preset.
 */
public final class SweepOverrides {
    private SweepOverrides() {}

    /** {@code sweep} with every {@code name=values} of {@code overrides} applied, in order. */
    public static Sweep apply(Sweep sweep, List<String> overrides) {
        Sweep out = sweep;
        for (String o : overrides) {
            out = applyOne(out, o);
        }
        return out;
    }

    private static Sweep applyOne(Sweep sweep, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0 || eq == override.length() - 1) {
            throw new IllegalArgumentException(
                    "--set " + override + ": expected name=value or name=v1,v2 (e.g. attack.iterations=20)");
        }
        String name = override.substring(0, eq).trim();
        List<String> raw = split(override.substring(eq + 1));
        if ("seeds".equals(name)) {
            return withSeeds(sweep, override, raw);
        }
        ParameterSpec spec = sweep.registry()
                .find(name)
                .orElseThrow(() -> new IllegalArgumentException("--set " + override + ": unknown parameter '" + name
                        + "' (list them with --list-parameters; 'seeds' sets the seeds)"));
        if (spec.type() == ParamType.LIST) {
            throw new IllegalArgumentException("--set " + override + ": list parameter " + name
                    + " cannot be overridden from the command line; edit a copy of the sweep file");
        }
        List<Object> values = new ArrayList<>();
        for (String r : raw) {
            Object v;
            try {
                v = spec.parse(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--set " + override + ": " + e.getMessage(), e);
            }
            if (!values.contains(v)) {
                values.add(v);
            }
        }
        List<Map<String, List<Object>>> blocks = new ArrayList<>();
        boolean listed = false;
        for (Map<String, List<Object>> b : sweep.blocks()) {
            Map<String, List<Object>> m = new LinkedHashMap<>(b);
            if (m.containsKey(spec.name())) {
                m.put(spec.name(), values);
                listed = true;
            }
            blocks.add(m);
        }
        if (!listed) {
            throw new IllegalArgumentException("--set " + override + ": no grid of sweep " + sweep.name() + " lists "
                    + spec.name() + ", so the override would change nothing");
        }
        return new Sweep(
                sweep.name(),
                sweep.description(),
                sweep.seeds(),
                sweep.backend(),
                sweep.timeout(),
                blocks,
                sweep.registry(),
                sweep.origin(),
                sweep.source(),
                sweep.directory());
    }

    private static Sweep withSeeds(Sweep sweep, String override, List<String> raw) {
        List<Long> seeds = new ArrayList<>();
        for (String r : raw) {
            try {
                seeds.add(Long.parseLong(r));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--set " + override + ": expected whole-number seeds such as seeds=1,2, got '" + r + "'", e);
            }
        }
        return new Sweep(
                sweep.name(),
                sweep.description(),
                seeds,
                sweep.backend(),
                sweep.timeout(),
                sweep.blocks(),
                sweep.registry(),
                sweep.origin(),
                sweep.source(),
                sweep.directory());
    }

    private static List<String> split(String values) {
        List<String> out = new ArrayList<>();
        for (String v : values.split(",", -1)) {
            if (v.isBlank()) {
                throw new IllegalArgumentException("--set: empty value in '" + values + "'");
            }
            out.add(v.trim());
        }
        return out;
    }
}
