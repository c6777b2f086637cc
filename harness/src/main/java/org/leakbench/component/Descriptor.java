package org.leakbench.component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a component says about itself, once: its kind and name, other names, a one-line summary and the paper
 * it follows, the parameters it reads with their types, units, ranges and defaults, what it needs and what it
 * does. Build one with {@link #of}.
 *
 * <p>Parameters come in three sorts. Shared sweep parameters ({@code attack.iterations}) are columns of their
 * own; their spec's default is the value that reproduces rows written before any component overrode it (it
 * keeps point ids stable), and {@link Builder#defaults} gives this component's own default. The main parameter
 * ({@code prune.fraction}, {@code dp.sigma}) and the clipping norm ({@code dp.clip}) are the component's own
 * names for the kind's two shared slots ({@code defense.param}, {@code defense.clip}), which old sweep files
 * write directly.
 *
 * @param kind family
 * @param name the name sweep files use
 * @param summary one line: what it is
 * @param citation the paper it follows, empty when none
 * @param aliases other accepted names
 * @param parameters shared sweep parameters it reads, with their column defaults
 * @param defaults this component's defaults for some of {@code parameters}, by name
 * @param main its main parameter, stored in {@link ComponentKind#mainSlot()}, if it has one
 * @param clip its clipping norm, stored in {@link ComponentKind#clipSlot()}, if it has one
 * @param requirements what it needs
 * @param capabilities what it does
 */
public record Descriptor(
        ComponentKind kind,
        String name,
        String summary,
        String citation,
        List<Alias> aliases,
        List<ParameterSpec> parameters,
        Map<String, Object> defaults,
        ParameterSpec main,
        ParameterSpec clip,
        Set<Requirement> requirements,
        Set<Capability> capabilities) {

    public Descriptor {
        Objects.requireNonNull(kind, "kind");
        if (name == null || !name.matches("[a-z][a-z0-9+-]*")) {
            throw new IllegalArgumentException(
                    kind.parameter() + " name '" + name + "' must be a lower-case word (letters, digits, '-', '+')");
        }
        if (summary == null || summary.isBlank() || summary.contains("\n")) {
            throw new IllegalArgumentException(kind.parameter() + " " + name + ": summary must be one non-blank line");
        }
        citation = citation == null ? "" : citation.strip();
        aliases = List.copyOf(aliases);
        parameters = List.copyOf(parameters);
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : defaults.entrySet()) {
            ParameterSpec spec = parameters.stream()
                    .filter(s -> s.name().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(kind.parameter() + " " + name + ": default for "
                            + e.getKey() + ", which it does not declare"));
            checked.put(e.getKey(), spec.withDefault(e.getValue()).defaultValue());
        }
        defaults = java.util.Collections.unmodifiableMap(checked);
        requirements = Set.copyOf(requirements);
        capabilities = Set.copyOf(capabilities);
        if (clip != null && main == null) {
            throw new IllegalArgumentException(kind.parameter() + " " + name + ": a clip needs a main parameter");
        }
    }

    /** Starts the descriptor of {@code kind} {@code name}. */
    public static Builder of(ComponentKind kind, String name, String summary) {
        return new Builder(kind, name, summary);
    }

    /** The main parameter, if any. */
    public Optional<ParameterSpec> mainParameter() {
        return Optional.ofNullable(main);
    }

    /** The clipping norm, if any. */
    public Optional<ParameterSpec> clipParameter() {
        return Optional.ofNullable(clip);
    }

    /** Every parameter it reads, under its own names: shared ones (with its defaults), then main and clip. */
    public List<ParameterSpec> ownParameters() {
        List<ParameterSpec> out = new ArrayList<>();
        for (ParameterSpec s : parameters) {
            out.add(defaults.containsKey(s.name()) ? s.withDefault(defaults.get(s.name())) : s);
        }
        mainParameter().ifPresent(out::add);
        clipParameter().ifPresent(out::add);
        return out;
    }

    /** Fluent construction; every setter returns this builder. */
    public static final class Builder {
        private final ComponentKind kind;
        private final String name;
        private final String summary;
        private String citation = "";
        private final List<Alias> aliases = new ArrayList<>();
        private final List<ParameterSpec> parameters = new ArrayList<>();
        private final Map<String, Object> defaults = new LinkedHashMap<>();
        private ParameterSpec main;
        private ParameterSpec clip;
        private final Set<Requirement> requirements = EnumSet.noneOf(Requirement.class);
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);

        private Builder(ComponentKind kind, String name, String summary) {
            this.kind = kind;
            this.name = name;
            this.summary = summary;
        }

        public Builder cites(String paper) {
            this.citation = paper;
            return this;
        }

        public Builder alias(String other, String deprecation) {
            aliases.add(new Alias(other, deprecation));
            return this;
        }

        public Builder parameters(ParameterSpec... specs) {
            parameters.addAll(List.of(specs));
            return this;
        }

        /** This component's default for the shared parameter {@code parameter}. */
        public Builder defaults(String parameter, Object value) {
            defaults.put(parameter, value);
            return this;
        }

        public Builder main(ParameterSpec spec) {
            this.main = spec;
            return this;
        }

        public Builder clip(ParameterSpec spec) {
            this.clip = spec;
            return this;
        }

        public Builder requires(Requirement... needs) {
            requirements.addAll(List.of(needs));
            return this;
        }

        public Builder does(Capability... what) {
            capabilities.addAll(List.of(what));
            return this;
        }

        public Descriptor build() {
            return new Descriptor(
                    kind,
                    name,
                    summary,
                    citation,
                    aliases,
                    parameters,
                    defaults,
                    main,
                    clip,
                    requirements,
                    capabilities);
        }
    }
}
