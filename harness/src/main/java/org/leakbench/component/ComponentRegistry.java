package org.leakbench.component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every attack, defense, model and data set LeakBench knows, found through {@link ServiceLoader} (the
 * entries of {@code META-INF/services/org.leakbench.component.Component}, in file order). The sweep
 * validator, {@code --list-parameters}, the CLI's help, the pipeline and the documentation test read this one
 * object. Names and aliases are unique per kind; a shared parameter must be declared alike by every
 * component that reads it. Immutable.
 */
public final class ComponentRegistry {
    private static volatile ComponentRegistry installed;

    private final Map<ComponentKind, Map<String, Component>> byName = new EnumMap<>(ComponentKind.class);
    private final Map<ComponentKind, List<Component>> byKind = new EnumMap<>(ComponentKind.class);
    private final Map<String, ParameterSpec> shared = new LinkedHashMap<>();

    /** A registry of {@code components} in this order; fails on a duplicate name or a conflicting parameter. */
    public ComponentRegistry(List<? extends Component> components) {
        for (ComponentKind k : ComponentKind.values()) {
            byName.put(k, new LinkedHashMap<>());
            byKind.put(k, new ArrayList<>());
        }
        Map<String, Component> declaredBy = new LinkedHashMap<>();
        for (Component c : components) {
            Map<String, Component> names = byName.get(c.kind());
            claim(names, c.name(), c);
            for (Alias a : c.aliases()) {
                claim(names, a.name(), c);
            }
            byKind.get(c.kind()).add(c);
            for (ParameterSpec s : c.descriptor().parameters()) {
                ParameterSpec before = shared.putIfAbsent(s.name(), s);
                if (before != null && !before.equals(s)) {
                    throw new IllegalArgumentException("parameter " + s.name() + " is declared differently by "
                            + declaredBy.get(s.name()) + " (" + before + ") and by " + c + " (" + s
                            + "); give both the same spec and override the default with defaults(...)");
                }
                declaredBy.putIfAbsent(s.name(), c);
            }
        }
        byKind.replaceAll((k, v) -> List.copyOf(v));
    }

    private static void claim(Map<String, Component> names, String name, Component c) {
        Component before = names.putIfAbsent(name, c);
        if (before != null) {
            throw new IllegalArgumentException(c.kind().parameter() + " name '" + name + "' is registered twice: by "
                    + before.getClass().getName() + " and by " + c.getClass().getName());
        }
    }

    /** The registry of every component on the class path (loaded once). */
    public static ComponentRegistry installed() {
        ComponentRegistry r = installed;
        if (r == null) {
            synchronized (ComponentRegistry.class) {
                if (installed == null) {
                    List<Component> found = new ArrayList<>();
                    ServiceLoader.load(Component.class, Component.class.getClassLoader())
                            .forEach(found::add);
                    installed = new ComponentRegistry(found);
                }
                r = installed;
            }
        }
        return r;
    }

    /** The components of {@code kind}, in registration order. */
    public List<Component> all(ComponentKind kind) {
        return byKind.get(kind);
    }

    /** Every component, kind by kind. */
    public List<Component> all() {
        List<Component> out = new ArrayList<>();
        byKind.values().forEach(out::addAll);
        return out;
    }

    /** Names and aliases of {@code kind}, in registration order (each component's name, then its aliases). */
    public List<String> names(ComponentKind kind) {
        return List.copyOf(byName.get(kind).keySet());
    }

    /** The component of {@code kind} called {@code name} or one of its aliases. */
    public Optional<Component> find(ComponentKind kind, String name) {
        return Optional.ofNullable(byName.get(kind).get(name));
    }

    /** Like {@link #find}, or an error naming the closest known name. */
    public Component get(ComponentKind kind, String name) {
        Component c = byName.get(kind).get(name);
        if (c == null) {
            String guess =
                    ValueText.closest(String.valueOf(name), byName.get(kind).keySet());
            throw new IllegalArgumentException("unknown " + kind.parameter() + " '" + name + "'"
                    + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; known: "
                    + String.join(", ", names(kind)));
        }
        return c;
    }

    /** Like {@link #get(ComponentKind, String)}, as the factory type {@code type} of its kind. */
    public <T extends Component> T get(ComponentKind kind, String name, Class<T> type) {
        Component c = get(kind, name);
        if (!type.isInstance(c)) {
            throw new IllegalStateException(c + " is a " + c.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(c);
    }

    /** The alias {@code name} of {@code kind}, if it is one. */
    public Optional<Alias> alias(ComponentKind kind, String name) {
        return find(kind, name)
                .flatMap(c ->
                        c.aliases().stream().filter(a -> a.name().equals(name)).findFirst());
    }

    /** Shared sweep parameters the components read, first declaration first (column defaults). */
    public Map<String, ParameterSpec> sharedParameters() {
        return Collections.unmodifiableMap(shared);
    }

    /**
     * The default of {@code parameter} in a point whose components are {@code choices} (kind's parameter name
     * to component name): the first chosen component with a say about it, in kind order; empty when none has.
     */
    public Optional<Object> defaultFor(String parameter, Map<String, ?> choices) {
        for (ComponentKind k : ComponentKind.values()) {
            Object chosen = choices.get(k.parameter());
            if (chosen != null) {
                Optional<Object> d = find(k, String.valueOf(chosen)).flatMap(c -> c.defaultFor(parameter));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }
}
