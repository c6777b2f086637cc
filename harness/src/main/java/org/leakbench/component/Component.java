package org.leakbench.component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An attack, defense, model or data set as the rest of LeakBench sees it: its {@link Descriptor} plus a
 * factory. The factory's signature depends on the kind, so each kind has an abstract subclass in its own
 * package (e.g. {@code org.leakbench.attack.AttackComponent}); a new component extends one of those and is
 * listed in {@code META-INF/services/org.leakbench.component.Component}, where {@link ComponentRegistry}
 * finds it. Subclasses need a public no-argument constructor.
 */
public abstract class Component {
    private final Descriptor descriptor;

    protected Component(Descriptor descriptor) {
        this.descriptor = java.util.Objects.requireNonNull(descriptor, "descriptor");
    }

    public final Descriptor descriptor() {
        return descriptor;
    }

    public final ComponentKind kind() {
        return descriptor.kind();
    }

    public final String name() {
        return descriptor.name();
    }

    public final List<Alias> aliases() {
        return descriptor.aliases();
    }

    public final Set<Capability> capabilities() {
        return descriptor.capabilities();
    }

    public final Set<Requirement> requirements() {
        return descriptor.requirements();
    }

    /** Whether it {@link Capability does} {@code what}. */
    public final boolean does(Capability what) {
        return descriptor.capabilities().contains(what);
    }

    /** Whether it needs {@code what}. */
    public final boolean needs(Requirement what) {
        return descriptor.requirements().contains(what);
    }

    /**
     * This component's default for the sweep parameter {@code parameter} (a shared one it declares, or its
     * kind's main or clip slot), or empty when it has no say about it.
     */
    public final Optional<Object> defaultFor(String parameter) {
        Map<String, Object> own = descriptor.defaults();
        if (own.containsKey(parameter)) {
            return Optional.of(own.get(parameter));
        }
        if (parameter.equals(kind().mainSlot())) {
            return descriptor.mainParameter().map(ParameterSpec::defaultValue);
        }
        if (parameter.equals(kind().clipSlot())) {
            return descriptor.clipParameter().map(ParameterSpec::defaultValue);
        }
        return Optional.empty();
    }

    /**
     * {@code point} as this component reads it: its main and clip parameters under their own names
     * ({@code prune.fraction}) read the kind's slots ({@code defense.param}); every other name passes through.
     */
    public final ParameterView view(ParameterView point) {
        String mainName = descriptor.mainParameter().map(ParameterSpec::name).orElse(null);
        String clipName = descriptor.clipParameter().map(ParameterSpec::name).orElse(null);
        return name ->
                point.get(name.equals(mainName) ? kind().mainSlot() : name.equals(clipName) ? kind().clipSlot() : name);
    }

    @Override
    public String toString() {
        return kind().parameter() + " " + name();
    }
}
