package org.leakbench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code grid:} mapping into blocks. A key is either a parameter with a list of values, or the plural
 * of an enum parameter ({@code defenses:}, {@code attacks:}, ...) listing variants, each a name or a mapping
 * {@code {name: noise, param: [1e-4, 1e-3]}} whose other keys are that parameter's sub-parameters
 * ({@code param} means {@code defense.param}) with their own value lists.
 */
final class GridReader {
    private final ParameterRegistry registry;
    private final SweepParser.Run run;

    GridReader(ParameterRegistry registry, SweepParser.Run run) {
        this.registry = registry;
        this.run = run;
    }

    List<Map<String, List<Object>>> read(Node grid) {
        if (!(grid instanceof MappingNode map) || map.getValue().isEmpty()) {
            run.error(grid, "grid", "grid is empty: list at least one parameter, e.g. attack: [dlg]");
            return List.of();
        }
        Map<String, List<Object>> base = new LinkedHashMap<>();
        List<List<Map<String, List<Object>>>> variantAxes = new ArrayList<>();
        List<String> variantParams = new ArrayList<>();
        for (NodeTuple t : run.entries(map, "grid.")) {
            String key = run.keyOf(t);
            Node value = t.getValueNode();
            if (registry.find(key).isPresent()) {
                base.put(key, values(registry.get(key), value, "grid." + key));
            } else if (isVariantKey(key)) {
                String param = key.substring(0, key.length() - 1);
                variantParams.add(param);
                variantAxes.add(variants(param, value, "grid." + key));
            } else {
                List<String> known = new ArrayList<>(registry.names());
                registry.specs().stream().filter(s -> s.type() == ParamType.ENUM && !s.name().contains("."))
                        .forEach(s -> known.add(s.name() + "s"));
                String guess = Values.closest(key, known);
                run.error(t.getKeyNode(), "grid." + key, "unknown parameter"
                        + (guess == null ? "" : " (did you mean '" + guess + "'?)")
                        + "; run 'leakbench sweep --list-parameters' for the list");
            }
        }
        for (String param : variantParams) {
            if (base.containsKey(param)) {
                run.error(grid, "grid." + param, "give either '" + param + ":' or '" + param + "s:', not both");
            }
        }
        List<Map<String, List<Object>>> blocks = new ArrayList<>();
        blocks.add(base);
        for (List<Map<String, List<Object>>> axis : variantAxes) {
            List<Map<String, List<Object>>> next = new ArrayList<>();
            for (Map<String, List<Object>> b : blocks) {
                for (Map<String, List<Object>> variant : axis) {
                    Map<String, List<Object>> merged = new LinkedHashMap<>(b);
                    merged.putAll(variant);
                    next.add(merged);
                }
            }
            blocks = next;
        }
        return blocks;
    }

    private boolean isVariantKey(String key) {
        if (!key.endsWith("s") || key.contains(".")) {
            return false;
        }
        return registry.find(key.substring(0, key.length() - 1)).map(s -> s.type() == ParamType.ENUM).orElse(false);
    }

    /** The typed values listed for {@code spec}; a scalar is a one-value list. */
    private List<Object> values(ParameterSpec spec, Node node, String key) {
        List<Object> out = new ArrayList<>();
        boolean listParam = spec.type() == ParamType.LIST;
        List<Node> items = listParam && node instanceof SequenceNode seq
                && seq.getValue().stream().noneMatch(n -> n instanceof SequenceNode) ? List.of(node) : run.items(node);
        if (items.isEmpty()) {
            run.error(node, key, "empty list: give at least one value");
        }
        for (Node item : items) {
            Object raw = raw(item, listParam);
            if (raw == null) {
                run.error(item, key, "expected " + (listParam ? "a list such as [64, 32]" : "a single "
                        + spec.type().label()) + describe(spec));
                continue;
            }
            try {
                Object v = spec.parse(raw);
                if (out.contains(v)) {
                    run.error(item, key, "value " + Values.format(v) + " is listed twice");
                } else {
                    out.add(v);
                }
            } catch (IllegalArgumentException e) {
                run.error(item, key, e.getMessage());
            }
        }
        return out;
    }

    private static String describe(ParameterSpec spec) {
        return spec.type() == ParamType.ENUM ? "; allowed: " + String.join(", ", spec.allowed()) : "";
    }

    private Object raw(Node item, boolean listParam) {
        if (listParam) {
            if (!(item instanceof SequenceNode seq)) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (!(n instanceof ScalarNode s)) {
                    return null;
                }
                parts.add(s.getValue());
            }
            return parts;
        }
        if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
            return s.getValue();
        }
        return null;
    }

    /** Each variant of {@code param} as a block overlay: {param: [name], param.sub: [...], ...}. */
    private List<Map<String, List<Object>>> variants(String param, Node node, String key) {
        ParameterSpec spec = registry.get(param);
        List<Map<String, List<Object>>> out = new ArrayList<>();
        List<Node> items = run.items(node);
        if (items.isEmpty()) {
            run.error(node, key, "empty list: give at least one " + param);
        }
        for (Node item : items) {
            Map<String, List<Object>> overlay = new LinkedHashMap<>();
            if (item instanceof ScalarNode) {
                overlay.put(param, values(spec, item, key));
            } else if (item instanceof MappingNode m) {
                Node nameNode = null;
                for (NodeTuple t : run.entries(m, key + ".")) {
                    String sub = run.keyOf(t);
                    if (sub.equals("name")) {
                        nameNode = t.getValueNode();
                        continue;
                    }
                    String full = sub.startsWith(param + ".") ? sub : param + "." + sub;
                    if (registry.find(full).isEmpty()) {
                        List<String> subs = registry.names().stream().filter(n -> n.startsWith(param + "."))
                                .map(n -> n.substring(param.length() + 1)).toList();
                        String guess = Values.closest(sub, subs);
                        run.error(t.getKeyNode(), key + "." + sub, "unknown " + param + " parameter"
                                + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; known: name, "
                                + String.join(", ", subs));
                        continue;
                    }
                    overlay.put(full, values(registry.get(full), t.getValueNode(), key + "." + sub));
                }
                if (nameNode == null) {
                    run.error(item, key + ".name", "each entry needs a name, e.g. {name: noise, param: [0.01]}");
                    continue;
                }
                overlay.put(param, values(spec, nameNode, key + ".name"));
            } else {
                run.error(item, key, "expected a name or {name: ..., <sub-parameter>: [...]}");
                continue;
            }
            out.add(overlay);
        }
        return out;
    }
}
