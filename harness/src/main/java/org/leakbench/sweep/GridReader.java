package org.leakbench.sweep;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParamType;
import org.leakbench.component.ParameterSpec;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code grid:} mapping into blocks. A key is either a parameter with a list of values, or the plural
 * of an enum parameter ({@code defenses:}, {@code attacks:}, ...) listing variants, each a name or a mapping
 * {@code {name: noise, param: [1e-4, 1e-3]}} whose other keys are that parameter's sub-parameters
 * ({@code param} means {@code defense.param}) with their own value lists. A sub-parameter may also be one of
 * the chosen component's own names ({@code {name: prune, fraction: [0.5]}}, {@code {name: dp-sgd, sigma: [1]}}),
 * and a top-level key may be a defense's main or clip name ({@code dp.sigma: [1, 2]}) when every defense of
 * the grid has it. Either way the values go into the kind's slot ({@code defense.param}, {@code defense.clip}),
 * and every slot value is checked against the range of the chosen defense's parameter, with its line.
 */
final class GridReader {
    private final ParameterRegistry registry;
    private final ComponentRegistry components;
    private final SweepParser.Run run;
    /** The item nodes behind each parsed value list, for messages about single values found later. */
    private final Map<List<Object>, List<Node>> itemNodes = new IdentityHashMap<>();

    private final Map<List<Object>, String> itemKeys = new IdentityHashMap<>();

    GridReader(ParameterRegistry registry, SweepParser.Run run) {
        this.registry = registry;
        this.components = registry.components();
        this.run = run;
    }

    List<Map<String, List<Object>>> read(Node grid) {
        if (!(grid instanceof MappingNode map) || map.getValue().isEmpty()) {
            run.error(grid, "grid", "grid is empty: list at least one parameter, e.g. attack: [dlg]");
            return List.of();
        }
        Map<String, List<Object>> base = new LinkedHashMap<>();
        Map<String, NodeTuple> slotKeys = new LinkedHashMap<>();
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
            } else if (!ownersOf(key).isEmpty()) {
                slotKeys.put(key, t);
            } else {
                List<String> known = new ArrayList<>(registry.names());
                registry.specs().stream()
                        .filter(s -> s.type() == ParamType.ENUM && !s.name().contains("."))
                        .forEach(s -> known.add(s.name() + "s"));
                String guess = Values.closest(key, known);
                run.error(
                        t.getKeyNode(),
                        "grid." + key,
                        "unknown parameter"
                                + (guess == null ? "" : " (did you mean '" + guess + "'?)")
                                + "; run 'leakbench sweep --list-parameters' for the list");
            }
        }
        for (String param : variantParams) {
            if (base.containsKey(param)) {
                run.error(grid, "grid." + param, "give either '" + param + ":' or '" + param + "s:', not both");
            }
        }
        for (Map.Entry<String, NodeTuple> e : slotKeys.entrySet()) {
            topLevelSlot(e.getKey(), e.getValue(), base, variantAxes);
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
        for (Map<String, List<Object>> b : blocks) {
            checkSlots(b);
        }
        return blocks;
    }

    /** Components (of any kind) whose main or clip parameter is called {@code name}. */
    private List<Component> ownersOf(String name) {
        List<Component> out = new ArrayList<>();
        for (Component c : components.all()) {
            if (slotOf(c, name) != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The slot ({@code defense.param} or {@code defense.clip}) {@code c} stores {@code name} in, or null. */
    private static String slotOf(Component c, String name) {
        Descriptor d = c.descriptor();
        if (d.mainParameter().map(ParameterSpec::name).filter(name::equals).isPresent()) {
            return c.kind().mainSlot();
        }
        if (d.clipParameter().map(ParameterSpec::name).filter(name::equals).isPresent()) {
            return c.kind().clipSlot();
        }
        return null;
    }

    /**
     * A top-level {@code prune.fraction: [...]}: stored in its slot, allowed only when every component of
     * that kind the grid chooses has the parameter (otherwise it would be meaningless for some points).
     */
    private void topLevelSlot(
            String name,
            NodeTuple t,
            Map<String, List<Object>> base,
            List<List<Map<String, List<Object>>>> variantAxes) {
        Component owner = ownersOf(name).get(0);
        ComponentKind kind = owner.kind();
        String slot = slotOf(owner, name);
        String key = "grid." + name;
        if (base.containsKey(slot)) {
            run.error(t.getKeyNode(), key, "give either '" + slot + ":' or '" + name + ":', not both");
            return;
        }
        Set<Object> chosen = new LinkedHashSet<>(base.getOrDefault(kind.parameter(), List.of()));
        variantAxes.forEach(axis -> axis.forEach(v -> chosen.addAll(v.getOrDefault(kind.parameter(), List.of()))));
        if (chosen.isEmpty()) {
            chosen.add(registry.get(kind.parameter()).defaultValue());
        }
        List<String> lacking = chosen.stream()
                .map(String::valueOf)
                .filter(n -> components
                        .find(kind, n)
                        .map(c -> !slot.equals(slotOf(c, name)))
                        .orElse(false))
                .toList();
        if (!lacking.isEmpty()) {
            run.error(
                    t.getKeyNode(),
                    key,
                    name + " is a parameter of " + kind.parameter() + " "
                            + ownersOf(name).stream().map(Component::name).toList() + ", but this grid also runs "
                            + lacking + "; set it per " + kind.parameter() + ", e.g. " + kind.parameter()
                            + "s: [{name: "
                            + owner.name() + ", " + name.substring(name.lastIndexOf('.') + 1) + ": [...]}]");
            return;
        }
        base.put(slot, slotValues(owner, name, registry.get(slot), t.getValueNode(), key));
    }

    /** Values of a component's own parameter, checked against its spec and stored as the slot's type. */
    private List<Object> slotValues(Component owner, String name, ParameterSpec slot, Node node, String key) {
        ParameterSpec own = owner.descriptor().ownParameters().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
        List<Object> checked = values(own, node, key);
        List<Object> out = new ArrayList<>();
        for (Object v : checked) {
            out.add(slot.parse(Values.format(v)));
        }
        itemNodes.put(out, itemNodes.get(checked));
        itemKeys.put(out, key);
        return out;
    }

    /** Every slot value of {@code block} against the parameter it means for each component the block chooses. */
    private void checkSlots(Map<String, List<Object>> block) {
        for (ComponentKind kind : ComponentKind.values()) {
            for (String slot : List.of(kind.mainSlot(), kind.clipSlot())) {
                List<Object> values = block.get(slot);
                if (values == null || registry.find(kind.parameter()).isEmpty()) {
                    continue;
                }
                for (Object name : block.getOrDefault(
                        kind.parameter(), List.of(registry.get(kind.parameter()).defaultValue()))) {
                    Component c = components.find(kind, String.valueOf(name)).orElse(null);
                    if (c == null) {
                        continue;
                    }
                    var spec = slot.equals(kind.mainSlot())
                            ? c.descriptor().mainParameter()
                            : c.descriptor().clipParameter();
                    if (spec.isEmpty()) {
                        continue; // the component ignores the slot (defense none, sign, secagg)
                    }
                    for (int i = 0; i < values.size(); i++) {
                        try {
                            spec.get().parse(Values.format(values.get(i)));
                        } catch (IllegalArgumentException e) {
                            List<Node> nodes = itemNodes.get(values);
                            Node at = nodes == null || i >= nodes.size() ? null : nodes.get(i);
                            String key = itemKeys.getOrDefault(values, "grid." + slot);
                            String message = spec.get().name() + " (" + slot + " of " + kind.parameter() + " " + name
                                    + "): " + e.getMessage();
                            int line = at == null ? 0 : at.getStartMark().getLine() + 1;
                            if (run.errors.stream()
                                    .noneMatch(
                                            x -> x.line() == line && x.message().equals(message))) {
                                run.error(at, key, message);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The component a variant names ({@code {name: prune, ...}}), or null when it names none or several. */
    private Component componentOf(String param, Node nameNode) {
        if (!(nameNode instanceof ScalarNode s)) {
            return null;
        }
        for (ComponentKind k : ComponentKind.values()) {
            if (k.parameter().equals(param)) {
                return components.find(k, s.getValue().trim()).orElse(null);
            }
        }
        return null;
    }

    /** The parameter of {@code c} that {@code sub} names: its full name, or its last dotted part. */
    private static String ownName(Component c, String sub) {
        for (ParameterSpec s : c.descriptor().ownParameters()) {
            if (s.name().equals(sub) || s.name().endsWith("." + sub)) {
                return s.name();
            }
        }
        return null;
    }

    private boolean isVariantKey(String key) {
        if (!key.endsWith("s") || key.contains(".")) {
            return false;
        }
        return registry.find(key.substring(0, key.length() - 1))
                .map(s -> s.type() == ParamType.ENUM)
                .orElse(false);
    }

    /** The typed values listed for {@code spec}; a scalar is a one-value list. */
    private List<Object> values(ParameterSpec spec, Node node, String key) {
        List<Object> out = new ArrayList<>();
        boolean listParam = spec.type() == ParamType.LIST;
        List<Node> items = listParam
                        && node instanceof SequenceNode seq
                        && seq.getValue().stream().noneMatch(n -> n instanceof SequenceNode)
                ? List.of(node)
                : run.items(node);
        if (items.isEmpty()) {
            run.error(node, key, "empty list: give at least one value");
        }
        List<Node> nodes = new ArrayList<>();
        for (Node item : items) {
            Object raw = raw(item, listParam, spec.type() == ParamType.TEXT);
            if (raw == null) {
                run.error(
                        item,
                        key,
                        "expected "
                                + (listParam
                                        ? "a list such as [64, 32]"
                                        : "a single " + spec.type().label()) + describe(spec));
                continue;
            }
            try {
                Object v = spec.parse(raw);
                if (out.contains(v)) {
                    run.error(item, key, "value " + Values.format(v) + " is listed twice");
                } else {
                    out.add(v);
                    nodes.add(item);
                }
            } catch (IllegalArgumentException e) {
                run.error(item, key, e.getMessage());
            }
        }
        itemNodes.put(out, nodes);
        itemKeys.put(out, key);
        return out;
    }

    private static String describe(ParameterSpec spec) {
        return spec.type() == ParamType.ENUM ? "; allowed: " + String.join(", ", spec.allowed()) : "";
    }

    private Object raw(Node item, boolean listParam, boolean text) {
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
        // A text parameter's quoted '' is its unset value (model.init: ['', w.safetensors] compares both).
        if (text && item instanceof ScalarNode s && s.getValue().isEmpty() && !s.isPlain()) {
            return "";
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
                List<NodeTuple> entries = run.entries(m, key + ".");
                Node nameNode = entries.stream()
                        .filter(t -> run.keyOf(t).equals("name"))
                        .findFirst()
                        .map(NodeTuple::getValueNode)
                        .orElse(null);
                Component chosen = componentOf(param, nameNode);
                for (NodeTuple t : entries) {
                    String sub = run.keyOf(t);
                    if (sub.equals("name")) {
                        continue;
                    }
                    String full = sub.startsWith(param + ".") ? sub : param + "." + sub;
                    String own = chosen == null ? null : ownName(chosen, sub);
                    if (registry.find(full).isEmpty() && own != null && slotOf(chosen, own) != null) {
                        String slot = slotOf(chosen, own);
                        if (overlay.containsKey(slot)) {
                            run.error(t.getKeyNode(), key + "." + sub, "sets " + slot + " a second time");
                            continue;
                        }
                        overlay.put(
                                slot, slotValues(chosen, own, registry.get(slot), t.getValueNode(), key + "." + sub));
                        continue;
                    }
                    if (registry.find(full).isEmpty() && own != null) {
                        full = own;
                    }
                    if (registry.find(full).isEmpty()) {
                        List<String> subs = new ArrayList<>(registry.names().stream()
                                .filter(n -> n.startsWith(param + "."))
                                .map(n -> n.substring(param.length() + 1))
                                .toList());
                        if (chosen != null) {
                            chosen.descriptor().ownParameters().forEach(s -> subs.add(s.name()));
                        }
                        String guess = Values.closest(sub, subs);
                        run.error(
                                t.getKeyNode(),
                                key + "." + sub,
                                "unknown " + param + " parameter"
                                        + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; known: name, "
                                        + String.join(", ", subs));
                        continue;
                    }
                    if (overlay.containsKey(full)) {
                        run.error(t.getKeyNode(), key + "." + sub, "sets " + full + " a second time");
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
